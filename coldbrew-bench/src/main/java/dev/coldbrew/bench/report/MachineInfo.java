package dev.coldbrew.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine and JDK a run measured on, for results.json and the report's header. */
public record MachineInfo(
        String os,
        String kernel,
        String arch,
        int cpus,
        String cpuModel,
        long memoryMb,
        String javaVersion,
        String javaVendor,
        String javaVm,
        String javaHome) {
    private static final long KB_PER_MB = 1024;

    public static MachineInfo current() {
        return new MachineInfo(
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                procField(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                procField(Path.of("/proc/meminfo"), "MemTotal")
                        .map(v -> Long.parseLong(v.replace("kB", "").trim()) / KB_PER_MB)
                        .orElse(-1L),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.home"));
    }

    public String oneLine() {
        return cpus + " × " + cpuModel + ", " + memoryMb + " MB RAM, " + os + " " + kernel + " " + arch + "; JDK "
                + javaVersion + " (" + javaVendor + ")";
    }

    /** The value of the first {@code name: value} line of a /proc file, if the file is there. */
    static Optional<String> procField(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                    .filter(l -> l.startsWith(name))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
