package dev.coldbrew.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-minute load average from {@code /proc/loadavg}: how busy the CPUs were besides the bench. */
public final class LoadAverage {
    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {}

    /** The 1-minute load average, or NaN where {@code /proc/loadavg} cannot be read. */
    public static double oneMinute() {
        try {
            return parse(Files.readString(PROC_LOADAVG));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The first field of a {@code /proc/loadavg} line such as {@code 0.52 0.61 0.70 1/234 5678}. */
    static double parse(String line) {
        return Double.parseDouble(line.trim().split("\\s+")[0]);
    }
}
