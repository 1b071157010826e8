package dev.coldbrew.startup.spawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A live process's peak resident set size, from {@code VmHWM} in {@code /proc/<pid>/status} (Linux). */
final class PeakRss {
    private static final String FIELD = "VmHWM:";
    private static final double KIB_PER_MIB = 1024.0;

    private PeakRss() {}

    /** Peak RSS of {@code pid} in MiB, or {@code NaN} when the kernel does not report it. */
    static double mib(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(FIELD)) {
                    String kib =
                            line.substring(FIELD.length()).replace("kB", "").trim();
                    return Long.parseLong(kib) / KIB_PER_MIB;
                }
            }
            return Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }
}
