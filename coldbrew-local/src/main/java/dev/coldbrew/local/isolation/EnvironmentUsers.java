package dev.coldbrew.local.isolation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether environments can run as users of their own (guarantee B), and the users they get. It takes a local Lambda
 * running as root and {@code setpriv} (util-linux); {@link #detect} says why not otherwise. A function runs as its
 * own user only when every file its runtime needs can be read by any user ({@link #unreadableByOthers}): the users
 * are in no group and in no passwd entry.
 */
public final class EnvironmentUsers {

    /**
     * The first of the user ids environments run as: far above the ids distributions hand out (1,000–60,000),
     * systemd's dynamic users (61,184–65,519) and the subordinate ids of containers (from 100,000, 65,536 each).
     */
    public static final int FIRST_ID = 0x6000_0000;

    /** How many ids environments draw from at random, so that several local Lambdas on one machine do not meet. */
    public static final int ID_COUNT = 0x1000_0000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path setpriv;
    private final String unavailableReason;

    private EnvironmentUsers(Path setpriv, String unavailableReason) {
        this.setpriv = setpriv;
        this.unavailableReason = unavailableReason;
    }

    /**
     * Users of their own when the process runs as root ({@code procSelf}, normally {@code /proc/self}, is owned by
     * the process's effective user) and {@code setpriv} is on {@code path}; {@code sameUser} turns them off.
     */
    public static EnvironmentUsers detect(boolean sameUser, Path procSelf, String path) {
        if (sameUser) {
            return new EnvironmentUsers(null, "disabled by configuration");
        }
        int uid;
        try {
            uid = (Integer) Files.getAttribute(procSelf, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return new EnvironmentUsers(null, "the user id could not be read from " + procSelf + ": " + e);
        }
        if (uid != 0) {
            return new EnvironmentUsers(null, "not running as root (uid " + uid + ")");
        }
        Optional<Path> found = Stream.of(path == null ? new String[0] : path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "setpriv"))
                .filter(Files::isExecutable)
                .findFirst();
        return found.map(p -> new EnvironmentUsers(p, null))
                .orElseGet(() -> new EnvironmentUsers(null, "setpriv (util-linux) not found on PATH " + path));
    }

    /** As {@link #detect(boolean, Path, String)} for this process and its {@code PATH}. */
    public static EnvironmentUsers detect(boolean sameUser) {
        return detect(sameUser, Path.of("/proc/self"), System.getenv("PATH"));
    }

    public boolean available() {
        return setpriv != null;
    }

    /** Why environments run as the current user; null when they do not. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /**
     * A new user for environment {@code environmentId}: a random id in [{@link #FIRST_ID}, {@link #FIRST_ID} +
     * {@link #ID_COUNT}) and its home, a folder only it can enter (mode 700).
     *
     * @throws IllegalStateException when users are not {@link #available()}
     */
    public EnvironmentUser create(String environmentId) throws IOException {
        if (setpriv == null) {
            throw new IllegalStateException("environments cannot run as users of their own: " + unavailableReason);
        }
        return EnvironmentUser.create(setpriv, FIRST_ID + RANDOM.nextInt(ID_COUNT), environmentId);
    }

    /**
     * Empty when a user in no group can run a function: every folder above and inside {@code taskRoot} can be
     * entered and listed, every file inside it read (and run, where its owner can run it), and each of
     * {@code runtimeFiles} (the JVM, the runtime's jars) reached and read. Otherwise the first path that cannot, with
     * its mode: {@code /home/me/fn is not readable by other users (rwx------)}.
     */
    public static Optional<String> unreadableByOthers(Path taskRoot, List<Path> runtimeFiles) throws IOException {
        Path root = taskRoot.toAbsolutePath().normalize();
        Optional<String> above = firstBlockedParent(root);
        if (above.isPresent()) {
            return above;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            Optional<String> inside = tree.map(EnvironmentUsers::unreadable)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (inside.isPresent()) {
                return inside;
            }
        }
        for (Path file : runtimeFiles) {
            Path absolute = file.toAbsolutePath().normalize();
            Optional<String> blocked = firstBlockedParent(absolute).or(() -> unreadable(absolute));
            if (blocked.isPresent()) {
                return blocked;
            }
        }
        return Optional.empty();
    }

    /** The first folder above {@code path} that other users cannot enter. */
    private static Optional<String> firstBlockedParent(Path path) {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            Optional<Set<PosixFilePermission>> perms = permissions(dir);
            if (perms.isPresent() && !perms.get().contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return Optional.of(
                        dir + " cannot be entered by other users (" + PosixFilePermissions.toString(perms.get()) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unreadable(Path path) {
        Optional<Set<PosixFilePermission>> found = permissions(path);
        if (found.isEmpty() || Files.isSymbolicLink(path) || !Files.exists(path)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> perms = found.get();
        boolean ok = perms.contains(PosixFilePermission.OTHERS_READ)
                && (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        ? perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                        : !perms.contains(PosixFilePermission.OWNER_EXECUTE)
                                || perms.contains(PosixFilePermission.OTHERS_EXECUTE));
        return ok
                ? Optional.empty()
                : Optional.of(path + " is not readable by other users (" + PosixFilePermissions.toString(perms) + ")");
    }

    private static Optional<Set<PosixFilePermission>> permissions(Path path) {
        try {
            return Optional.of(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
