package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.RuntimeKind;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The seed's idea on today's tools: the example compiled ahead of time with GraalVM {@code native-image} into one
 * executable that speaks the Runtime API through coldbrew's runtime (no JVM, no JIT). Available only where a
 * {@code native-image} is installed; the heap is capped at 85 % of the memory size like the JVM strategies.
 */
public final class NativeStrategy implements Strategy {
    public static final String NAME = "coldbrew-native";
    static final String EXECUTABLE = "function";
    /** native-image takes about a minute per function on two cores; a stuck build is an error. */
    private static final long BUILD_TIMEOUT_MINUTES = 20;

    private final Optional<Path> nativeImage;

    public NativeStrategy(Map<String, String> environment) {
        this.nativeImage = locate(environment);
    }

    /** {@code native-image} on the {@code PATH}, else under {@code GRAALVM_HOME/bin}. */
    static Optional<Path> locate(Map<String, String> environment) {
        List<Path> candidates = new ArrayList<>();
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "native-image"));
            }
        }
        String graal = environment.get("GRAALVM_HOME");
        if (graal != null && !graal.isEmpty()) {
            candidates.add(Path.of(graal, "bin", "native-image"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GraalVM native-image executable on coldbrew's runtime (no JVM; heap capped at 85% of memory)";
    }

    @Override
    public Availability availability() {
        return nativeImage.isPresent()
                ? Availability.yes()
                : Availability.no("no native-image on PATH or GRAALVM_HOME");
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        Path tool = nativeImage.orElseThrow(
                () -> new PreparationException(NAME + ": " + availability().reason()));
        Path dir = context.directoryFor(this, workload.id());
        try {
            List<String> jars = CodeDirectory.copyLib(workload.codeDirectory(context.home()), dir);
            build(tool, workload, dir, jars);
            BootstrapScript.write(
                    dir, NAME + ": " + description(), "exec \"$root/" + EXECUTABLE + "\" -Xmx$((mb * 85 / 100))m\n");
        } catch (IOException e) {
            throw new PreparationException(NAME + ": preparing " + dir + " failed", e);
        }
        return new PreparedFunction(
                dir, RuntimeKind.PROVIDED, workload.coldbrewMainClass(), List.of("-Xmx<85% of memory size>"), Map.of());
    }

    private static void build(Path tool, Workload workload, Path dir, List<String> jars)
            throws IOException, PreparationException {
        String classpath =
                jars.stream().map(j -> dir.resolve("lib").resolve(j).toString()).collect(Collectors.joining(":"));
        List<String> command = List.of(
                tool.toString(),
                "--no-fallback",
                "-cp",
                classpath,
                "-o",
                dir.resolve(EXECUTABLE).toString(),
                workload.coldbrewMainClass());
        Path log = dir.resolve("native-image.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new PreparationException(
                        NAME + ": native-image for " + workload.id() + " ran over " + BUILD_TIMEOUT_MINUTES + " min");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PreparationException(NAME + ": interrupted while building " + workload.id(), e);
        }
        if (process.exitValue() != 0) {
            throw new PreparationException(NAME + ": native-image for " + workload.id() + " exited with "
                    + process.exitValue() + ": " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
