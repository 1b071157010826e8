package dev.coldbrew.local.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user one environment runs as (guarantee B): a user id of its own, which no other environment has, with the
 * same id as its only group and no passwd entry. Its processes cannot read another environment's
 * {@code /proc/<pid>/environ}, signal or {@code ptrace} it, nor enter another's home. The runtime is started as root
 * (it joins its cgroups first), then {@link #command} drops to the user with {@code setpriv}, with no way back
 * ({@code --no-new-privs}). Its home is a folder of its own (mode 700) holding {@code HOME} and {@code TMPDIR};
 * {@link #remove} deletes it with everything the function left there.
 */
public final class EnvironmentUser {

    /** The variable naming the environment's private folder for temporary files. */
    public static final String TMPDIR = "TMPDIR";

    private final Path setpriv;
    private final int id;
    private final Path home;

    private EnvironmentUser(Path setpriv, int id, Path home) {
        this.setpriv = setpriv;
        this.id = id;
        this.home = home;
    }

    /** Creates the user's home ({@code coldbrew-user-<environment>-…} in the temporary folder), owned by {@code id}. */
    static EnvironmentUser create(Path setpriv, int id, String environmentId) throws IOException {
        Path home = Files.createTempDirectory(
                "coldbrew-user-" + environmentId + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path tmp = Files.createDirectory(
                    home.resolve("tmp"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (Path dir : List.of(tmp, home)) {
                Files.setAttribute(dir, "unix:gid", id);
                Files.setAttribute(dir, "unix:uid", id);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(home);
            throw new IOException("creating the home " + home + " of user " + id + " failed: " + e.getMessage(), e);
        }
        return new EnvironmentUser(setpriv, id, home);
    }

    /** The user and group id. */
    public int id() {
        return id;
    }

    public Path home() {
        return home;
    }

    /** {@code command} run as this user: {@code setpriv --reuid=U --regid=U --clear-groups --no-new-privs --}. */
    public List<String> command(List<String> command) {
        List<String> argv = new ArrayList<>(List.of(
                setpriv.toString(), "--reuid=" + id, "--regid=" + id, "--clear-groups", "--no-new-privs", "--"));
        argv.addAll(command);
        return argv;
    }

    /** {@code HOME} (the user's home) and {@code TMPDIR} (its {@code tmp} folder). */
    public Map<String, String> variables() {
        return Map.of("HOME", home.toString(), TMPDIR, home.resolve("tmp").toString());
    }

    /** Deletes the home and everything in it, if it is still there; called once the environment's processes are gone. */
    public void remove() throws IOException {
        deleteTree(home);
        if (Files.exists(home)) {
            throw new IOException("removing the home " + home + " of user " + id + " failed");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // reported by the caller when the folder is still there
        }
    }

    @Override
    public String toString() {
        return "uid " + id;
    }
}
