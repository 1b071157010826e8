package dev.coldbrew.local.isolation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Which process holds a socket: the descriptors of {@code /proc/<pid>/fd} are links named {@code socket:[inode]}.
 * A process that ends, or a descriptor closed while it is read, is skipped.
 */
public final class SocketHolders {
    private final Path proc;

    /** Reads processes under {@code proc}, normally {@code /proc}. */
    public SocketHolders(Path proc) {
        this.proc = proc;
    }

    /** Process {@code pid} holds the socket as its descriptor {@code fd}. */
    public record Holder(long pid, int fd) {}

    /** The first of {@code pids} that holds socket {@code inode}. */
    public Optional<Holder> among(long inode, Collection<Long> pids) {
        String target = link(inode);
        for (long pid : pids) {
            Optional<Holder> holder = descriptorOf(pid, target);
            if (holder.isPresent()) {
                return holder;
            }
        }
        return Optional.empty();
    }

    /** Any process of this machine that holds socket {@code inode} (a scan of every process: the slow path). */
    public Optional<Holder> anywhere(long inode) {
        String target = link(inode);
        try (DirectoryStream<Path> pids =
                Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path pid : pids) {
                Optional<Holder> holder =
                        descriptorOf(Long.parseLong(pid.getFileName().toString()), target);
                if (holder.isPresent()) {
                    return holder;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether {@code holder}'s descriptor is still socket {@code inode}: one link read. */
    public boolean stillHolds(Holder holder, long inode) {
        try {
            Path fd = proc.resolve(Long.toString(holder.pid())).resolve("fd").resolve(Integer.toString(holder.fd()));
            return Files.readSymbolicLink(fd).toString().equals(link(inode));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The command of {@code pid} as {@code /proc/<pid>/comm} names it, or {@code ?} once it has ended. */
    public String command(long pid) {
        try {
            return Files.readString(proc.resolve(Long.toString(pid)).resolve("comm"))
                    .strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private Optional<Holder> descriptorOf(long pid, String target) {
        Path fds = proc.resolve(Long.toString(pid)).resolve("fd");
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path fd : links) {
                if (isSocket(fd, target)) {
                    return Optional.of(
                            new Holder(pid, Integer.parseInt(fd.getFileName().toString())));
                }
            }
        } catch (IOException e) {
            // the process ended, or its descriptors are not ours to read
        }
        return Optional.empty();
    }

    private static boolean isSocket(Path fd, String target) {
        try {
            return Files.readSymbolicLink(fd).toString().equals(target);
        } catch (IOException e) {
            return false; // closed while we read
        }
    }

    static String link(long inode) {
        return "socket:[" + inode + "]";
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
