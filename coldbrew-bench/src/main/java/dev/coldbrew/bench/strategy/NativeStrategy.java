package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.nativeimage.NativeImageException;
import dev.coldbrew.nativeimage.NativeImageRequest;
import dev.coldbrew.nativeimage.NativeImageResult;
import dev.coldbrew.nativeimage.NativeImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 *
 * <p>{@link #seedBridge} is the seed's system exactly: the same executable with coldbrew-bridge-jni-go in the image
 * (its JNI metadata honoured) and {@code libcoldbrew-jni-go.so} beside it, run by the local Lambda as a
 * {@code go1.x} function with {@code COLDBREW_TRANSPORT=jni-go}: Go's {@code net/rpc} serves go1.x and hands each
 * event to the image over JNI.
 */
public final class NativeStrategy implements Strategy {
    public static final String NAME = "coldbrew-native";
    /** The seed's system: native image + JNI + Go, in the go1.x runtime. */
    public static final String SEED_BRIDGE = "seed-bridge";

    static final String EXECUTABLE = "function";
    /** Beside the executable: what it was built from, so an unchanged preparation reuses it. */
    static final String STAMP = "function.inputs";

    private final String name;
    private final String description;
    private final boolean bridge;
    private final Map<String, String> environment;
    private final Optional<String> unavailable;

    /** The Runtime API executable, {@value #NAME}. */
    public NativeStrategy(Map<String, String> environment) {
        this(
                NAME,
                "native executable on coldbrew's runtime (no JVM; heap capped at 85% of memory)",
                false,
                environment);
    }

    private NativeStrategy(String name, String description, boolean bridge, Map<String, String> environment) {
        this.name = name;
        this.description = description;
        this.bridge = bridge;
        this.environment = Map.copyOf(environment);
        this.unavailable = missing(bridge, environment);
    }

    /** {@value #SEED_BRIDGE}: the seed's Go bridge over JNI in the native executable, otherwise as {@value #NAME}. */
    public static NativeStrategy seedBridge(Map<String, String> environment) {
        return new NativeStrategy(
                SEED_BRIDGE,
                "the seed's system: a native executable of the function whose go1.x is served by Go's net/rpc in"
                        + " libcoldbrew-jni-go.so beside it, each event handed over JNI (COLDBREW_TRANSPORT=jni-go;"
                        + " no JVM; heap capped at 85% of memory)",
                true,
                environment);
    }

    /** Everything this machine lacks for the strategy, in one sentence, or empty. */
    private static Optional<String> missing(boolean bridge, Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        NativeImages.unavailable(environment).ifPresent(missing::add);
        if (bridge) {
            SeedBridge.missing().ifPresent(missing::add);
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; and ", missing));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Availability availability() {
        return unavailable.map(Availability::no).orElseGet(Availability::yes);
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        if (unavailable.isPresent()) {
            throw new PreparationException(name + ": " + availability().reason());
        }
        Path dir = context.directoryFor(this, workload.id());
        try {
            List<Path> classPath =
                    new ArrayList<>(jars(workload.codeDirectory(context.home()).resolve("lib")));
            if (bridge) {
                classPath.add(
                        FunctionJars.copy(name, context.home(), FunctionJars.BRIDGE, dir.resolve("native-build")));
                SeedBridge.copyLibrary(dir);
            }
            NativeImageRequest request =
                    NativeImageRequest.of(classPath, workload.coldbrewMainClass(), dir.resolve(EXECUTABLE));
            // The calibration's native hello and the echo workload are the same image in the same folder: a run
            // builds it once (about two minutes) and the second preparation finds it, stamped with its inputs.
            String inputs = inputs(request);
            Path stamp = dir.resolve(STAMP);
            if (!(Files.isExecutable(request.output())
                    && Files.isRegularFile(dir.resolve("bootstrap"))
                    && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(inputs))) {
                Files.deleteIfExists(stamp);
                NativeImageResult result = NativeImages.locate(environment).build(request, dir.resolve("native-build"));
                BootstrapScript.write(
                        dir,
                        name + ": " + description() + ", built by " + result.builtBy(),
                        "exec \"$root/" + EXECUTABLE + "\" -Xmx$((mb * 85 / 100))m\n");
                Files.writeString(stamp, inputs);
            }
        } catch (NativeImageException e) {
            throw new PreparationException(name + ": " + workload.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PreparationException(name + ": preparing " + dir + " failed", e);
        }
        List<String> flags = List.of("-Xmx<85% of memory size>");
        return bridge
                ? new PreparedFunction(dir, RuntimeKind.GO1X, GoRpcStrategy.EXECUTABLE, flags, SeedBridge.ENVIRONMENT)
                : new PreparedFunction(dir, RuntimeKind.PROVIDED, workload.coldbrewMainClass(), flags, Map.of());
    }

    /** The request and the SHA-256 of every class path entry's content, one per line. */
    private static String inputs(NativeImageRequest request) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder inputs = new StringBuilder(request.toString()).append('\n');
        for (Path entry : request.classPath()) {
            inputs.append(HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(entry))))
                    .append(' ')
                    .append(entry)
                    .append('\n');
        }
        return inputs.toString();
    }

    private static List<Path> jars(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}
