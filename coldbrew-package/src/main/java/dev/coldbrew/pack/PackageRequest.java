package dev.coldbrew.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything {@link Packager} needs, validated once. Build it with {@link #builder()}; the CLI and the Maven plugin
 * fill the same builder.
 *
 * @param jars the function's jars, in class path order
 * @param mainClass the function's {@code main}, or "" to use {@code handler}
 * @param handler {@code package.Class[::method]}, or "" when {@code mainClass} is given
 * @param target the Lambda runtime
 * @param nativeImage build a native executable as {@code bootstrap} (provided.al2023 only)
 * @param outputDir where {@code function.zip} and {@code template.yaml} are written
 * @param eventsDir the training events (one JSON event per {@code *.json} file), or null
 * @param modules the JDK modules of the bundled runtime; empty to compute them with jdeps
 * @param addModules modules added to the computed (or given) ones
 * @param reachableModules compute modules from the classes reachable from the entry points, not from whole jars
 * @param jvmFlags the launcher's JVM flags ({@link JvmFlags#DEFAULTS} unless replaced)
 * @param functionName the function's name in the template and the local Lambda
 * @param memoryMb memory size (128 to 10,240 MB)
 * @param timeoutSeconds timeout (1 to 900 s)
 * @param environment the function's environment variables
 * @param aotCache make an AOT cache in a training run (provided.al2023 JVM packages)
 * @param trainingRounds how many times the training run sends each event
 * @param verify run the finished zip in the local Lambda before reporting success
 * @param jdkHome the JDK whose jlink/jdeps make the runtime; null for the running one
 * @param limits the size limits (Lambda's, or lower)
 * @param prime package sample events and have the bootstrap set {@code COLDBREW_PRIMING}, so the runtime runs the
 *     handler on them during Init (JVM packages on coldbrew's runtime)
 * @param primingEventsDir the priming events (one JSON event per {@code *.json} file); null for the training
 *     events
 */
public record PackageRequest(
        List<Path> jars,
        String mainClass,
        String handler,
        Target target,
        boolean nativeImage,
        Path outputDir,
        Path eventsDir,
        List<String> modules,
        List<String> addModules,
        boolean reachableModules,
        List<String> jvmFlags,
        String functionName,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        boolean aotCache,
        int trainingRounds,
        boolean verify,
        Path jdkHome,
        SizeLimits limits,
        boolean prime,
        Path primingEventsDir) {

    public static final int DEFAULT_MEMORY_MB = 512;
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_TRAINING_ROUNDS = 3;
    public static final String DEFAULT_FUNCTION_NAME = "function";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public PackageRequest {
        jars = List.copyOf(jars);
        mainClass = Objects.requireNonNullElse(mainClass, "").strip();
        handler = Objects.requireNonNullElse(handler, "").strip();
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outputDir, "outputDir");
        modules = List.copyOf(modules);
        addModules = List.copyOf(addModules);
        jvmFlags = jvmFlags == null ? JvmFlags.DEFAULTS : List.copyOf(jvmFlags);
        environment = Map.copyOf(environment);
        limits = Objects.requireNonNullElse(limits, SizeLimits.lambda());
        require(
                functionName != null && NAME.matcher(functionName).matches(),
                "invalid function name '" + functionName + "': use 1 to 64 letters, digits, '-' or '_'");
        require(memoryMb >= 128 && memoryMb <= 10_240, "memory size " + memoryMb + " MB is outside 128..10240");
        require(timeoutSeconds >= 1 && timeoutSeconds <= 900, "timeout " + timeoutSeconds + " s is outside 1..900");
        require(
                trainingRounds >= 1 && trainingRounds <= 1_000,
                "training rounds " + trainingRounds + " is outside 1..1000");
        require(
                !nativeImage || target == Target.PROVIDED_AL2023,
                "--native builds a bootstrap for provided.al2023," + " not for " + target.id());
        require(
                !(prime && nativeImage),
                "--prime runs the handler during Init so the JIT compiles it; a --native executable has no JIT");
        require(
                !prime || primingEventsDir != null || eventsDir != null,
                "--prime needs sample events: give --priming-events DIR or --events DIR");
        require(
                prime || primingEventsDir == null,
                "--priming-events " + primingEventsDir + " is given without --prime");
    }

    /** The folder of priming events: {@link #primingEventsDir()}, else the training events; null without priming. */
    public Path primingEvents() {
        if (!prime) {
            return null;
        }
        return primingEventsDir != null ? primingEventsDir : eventsDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Mutable collector of the request's values, with the defaults above. */
    public static final class Builder {
        private List<Path> jars = List.of();
        private String mainClass = "";
        private String handler = "";
        private Target target = Target.PROVIDED_AL2023;
        private boolean nativeImage;
        private Path outputDir;
        private Path eventsDir;
        private List<String> modules = List.of();
        private List<String> addModules = List.of();
        private boolean reachableModules;
        private List<String> jvmFlags;
        private String functionName = DEFAULT_FUNCTION_NAME;
        private int memoryMb = DEFAULT_MEMORY_MB;
        private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        private Map<String, String> environment = Map.of();
        private boolean aotCache = true;
        private int trainingRounds = DEFAULT_TRAINING_ROUNDS;
        private boolean verify = true;
        private Path jdkHome;
        private SizeLimits limits = SizeLimits.lambda();
        private boolean prime;
        private Path primingEventsDir;

        public Builder jars(List<Path> v) {
            jars = v;
            return this;
        }

        public Builder mainClass(String v) {
            mainClass = v;
            return this;
        }

        public Builder handler(String v) {
            handler = v;
            return this;
        }

        public Builder target(Target v) {
            target = v;
            return this;
        }

        public Builder nativeImage(boolean v) {
            nativeImage = v;
            return this;
        }

        public Builder outputDir(Path v) {
            outputDir = v;
            return this;
        }

        public Builder eventsDir(Path v) {
            eventsDir = v;
            return this;
        }

        public Builder modules(List<String> v) {
            modules = v;
            return this;
        }

        public Builder addModules(List<String> v) {
            addModules = v;
            return this;
        }

        public Builder reachableModules(boolean v) {
            reachableModules = v;
            return this;
        }

        public Builder jvmFlags(List<String> v) {
            jvmFlags = v;
            return this;
        }

        public Builder functionName(String v) {
            functionName = v;
            return this;
        }

        public Builder memoryMb(int v) {
            memoryMb = v;
            return this;
        }

        public Builder timeoutSeconds(int v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder environment(Map<String, String> v) {
            environment = v;
            return this;
        }

        public Builder aotCache(boolean v) {
            aotCache = v;
            return this;
        }

        public Builder trainingRounds(int v) {
            trainingRounds = v;
            return this;
        }

        public Builder verify(boolean v) {
            verify = v;
            return this;
        }

        public Builder jdkHome(Path v) {
            jdkHome = v;
            return this;
        }

        public Builder limits(SizeLimits v) {
            limits = v;
            return this;
        }

        public Builder prime(boolean v) {
            prime = v;
            return this;
        }

        public Builder primingEventsDir(Path v) {
            primingEventsDir = v;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad value */
        public PackageRequest build() {
            return new PackageRequest(
                    jars,
                    mainClass,
                    handler,
                    target,
                    nativeImage,
                    outputDir,
                    eventsDir,
                    modules,
                    addModules,
                    reachableModules,
                    jvmFlags,
                    functionName,
                    memoryMb,
                    timeoutSeconds,
                    environment,
                    aotCache,
                    trainingRounds,
                    verify,
                    jdkHome,
                    limits,
                    prime,
                    primingEventsDir);
        }
    }
}
