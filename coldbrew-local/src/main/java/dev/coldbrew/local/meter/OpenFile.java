package dev.coldbrew.local.meter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A regular file a process holds open for reading, from {@code /proc/<pid>/fd/<n>} (a link to the file) and
 * {@code /proc/<pid>/fdinfo/<n>} ({@code flags:} in octal; the access mode is its two low bits, 0 = read-only).
 *
 * @param path the file
 * @param bytes its size
 */
record OpenFile(String path, long bytes) {

    private static final int ACCESS_MODE = 3;
    private static final int READ_ONLY = 0;

    /** The file behind {@code fd} when it is a regular file outside {@code /proc}, {@code /sys}, {@code /dev}. */
    static Optional<OpenFile> readOnly(Path fd, Path fdinfo) {
        try {
            Path target = Files.readSymbolicLink(fd);
            String path = target.toString();
            if (!path.startsWith("/")
                    || path.startsWith("/proc/")
                    || path.startsWith("/sys/")
                    || path.startsWith("/dev/")
                    || !Files.isRegularFile(target)
                    || !readOnly(fdinfo)) {
                return Optional.empty();
            }
            return Optional.of(new OpenFile(path, Files.size(target)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // closed meanwhile, or not a link
        }
    }

    private static boolean readOnly(Path fdinfo) throws IOException {
        for (String line : Files.readAllLines(fdinfo)) {
            if (line.startsWith("flags:")) {
                return (Integer.parseInt(line.substring(6).trim(), 8) & ACCESS_MODE) == READ_ONLY;
            }
        }
        return false;
    }
}
