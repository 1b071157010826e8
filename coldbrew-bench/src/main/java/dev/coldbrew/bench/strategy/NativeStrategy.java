package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.RuntimeKind;
import dev.coldbrew.nativeimage.NativeImageException;
import dev.coldbrew.nativeimage.NativeImageRequest;
import dev.coldbrew.nativeimage.NativeImageResult;
import dev.coldbrew.nativeimage.NativeImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The seed's idea on today's tools: the example compiled ahead of time into one executable that speaks the Runtime
 * API through coldbrew's runtime (no JVM, no JIT), built by coldbrew-native: a GraalVM {@code native-image} where
 * one is installed, else GraalVM's builder from Maven Central (the executable then links the JDK's shared
 * libraries, which sit in {@code native-lib/} beside it). The heap is capped at 85 % of the memory size like the
 * JVM strategies. A build takes about two minutes per workload on two cores.
 */
public final class NativeStrategy implements Strategy {
    public static final String NAME = "coldbrew-native";
    static final String EXECUTABLE = "function";

    private final Map<String, String> environment;
    private final Optional<String> unavailable;

    public NativeStrategy(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.unavailable = NativeImages.unavailable(environment);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "native executable on coldbrew's runtime (no JVM; heap capped at 85% of memory)";
    }

    @Override
    public Availability availability() {
        return unavailable.map(Availability::no).orElseGet(Availability::yes);
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        if (unavailable.isPresent()) {
            throw new PreparationException(NAME + ": " + availability().reason());
        }
        Path dir = context.directoryFor(this, workload.id());
        try {
            NativeImageResult result = NativeImages.locate(environment)
                    .build(
                            NativeImageRequest.of(
                                    jars(workload.codeDirectory(context.home()).resolve("lib")),
                                    workload.coldbrewMainClass(),
                                    dir.resolve(EXECUTABLE)),
                            dir.resolve("native-build"));
            BootstrapScript.write(
                    dir,
                    NAME + ": " + description() + ", built by " + result.builtBy(),
                    "exec \"$root/" + EXECUTABLE + "\" -Xmx$((mb * 85 / 100))m\n");
        } catch (NativeImageException e) {
            throw new PreparationException(NAME + ": " + workload.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PreparationException(NAME + ": preparing " + dir + " failed", e);
        }
        return new PreparedFunction(
                dir, RuntimeKind.PROVIDED, workload.coldbrewMainClass(), List.of("-Xmx<85% of memory size>"), Map.of());
    }

    private static List<Path> jars(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}
