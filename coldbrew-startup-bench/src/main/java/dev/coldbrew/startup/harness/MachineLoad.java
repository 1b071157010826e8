package dev.coldbrew.startup.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-minute load average from {@code /proc/loadavg}, printed beside results so a busy machine shows. */
public final class MachineLoad {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {}

    /** {@code "1.23"}, or {@code "unknown"} where {@code /proc/loadavg} is missing. */
    public static String oneMinute() {
        try {
            return Files.readString(LOADAVG).split(" ")[0];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
