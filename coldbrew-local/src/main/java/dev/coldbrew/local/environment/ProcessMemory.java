package dev.coldbrew.local.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Max Memory Used without cgroups: the peak resident set size ({@code VmHWM} in {@code /proc/<pid>/status}) of
 * the runtime process (not its children: walking the tree costs more than an invoke). It is a peak since the
 * process started, not per invocation.
 */
final class ProcessMemory {
    private ProcessMemory() {}

    static long peakRssMb(long pid) {
        return (vmHwmKb(pid) + 1023) / 1024;
    }

    private static long vmHwmKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
