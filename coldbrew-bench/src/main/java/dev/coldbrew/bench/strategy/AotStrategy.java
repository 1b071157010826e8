package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.aot.AotTrainer;
import dev.coldbrew.pack.aot.LambdaRun;
import dev.coldbrew.pack.aot.SampleEvents;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * coldbrew's runtime on JDK 25 with an AOT cache (JEP 483/514/515, Project Leyden): loaded and linked classes and
 * method profiles recorded by a training run that invokes the function in the local Lambda with its own event, so
 * the next JVM starts with its classes ready and its JIT already knowing the hot paths. coldbrew-package's
 * {@link AotTrainer} trains it, as it trains every packaged function.
 *
 * <p>One bootstrap serves both runs: with {@value #TRAINING_VARIABLE}=1 it starts the example's {@code main} without
 * AOT flags (the trainer adds {@code -XX:AOTMode=record} through {@code JAVA_TOOL_OPTIONS}); otherwise with
 * {@code -XX:AOTMode=on -XX:AOTCache}. Both use the same explicit class path, as the cache requires.
 *
 * <p>The {@linkplain #primed() primed} variant ({@value #PRIMED_NAME}) also primes during Init: the workload's event
 * sits in {@value #PRIMING_DIR}/ and {@code COLDBREW_PRIMING} names it, as {@code coldbrew package --prime} does
 * (so the training run primes too); the runtime's default stopping rule and budget apply.
 */
public final class AotStrategy implements Strategy {
    public static final String NAME = "coldbrew-aot";
    public static final String PRIMED_NAME = "coldbrew-primed";
    /** The primed variant's events folder, in the code directory. */
    static final String PRIMING_DIR = "priming";
    /** The runtime's variable naming priming events ({@code dev.coldbrew.runtime.Priming.ENV_EVENTS}). */
    static final String ENV_PRIMING = "COLDBREW_PRIMING";

    public static final String CACHE_FILE = "app.aot";
    static final String CONFIGURATION_FILE = "app.aotconf";
    static final String TRAINING_VARIABLE = "COLDBREW_AOT_TRAINING";
    /**
     * A cache the JVM cannot use (other jars, other paths: it records absolute classpaths) stops the JVM at start
     * instead of being skipped with a warning, so a run never reports plain-JVM numbers as AOT ones.
     */
    static final String REQUIRE_CACHE = "-XX:AOTMode=on";
    /** Training runs at the largest quick-profile size: the most CPU. */
    static final int TRAINING_MEMORY_MB = 3008;

    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);
    private static final int FEATURE_WITH_METHOD_PROFILES = 25;

    private final String name;
    private final boolean primed;

    /** The AOT cache alone. */
    public AotStrategy() {
        this(NAME, false);
    }

    private AotStrategy(String name, boolean primed) {
        this.name = name;
        this.primed = primed;
    }

    /** The AOT cache, and priming during Init with the workload's event. */
    public static AotStrategy primed() {
        return new AotStrategy(PRIMED_NAME, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "coldbrew's runtime on JDK 25 with an AOT cache trained in the local Lambda"
                + " (-XX:AOTMode=record, -XX:AOTMode=create, then -XX:AOTMode=on -XX:AOTCache; C1+C2, serial GC)"
                + (primed
                        ? "; primed during Init with the workload's event (COLDBREW_PRIMING, default budget and"
                                + " stopping rule)"
                        : "");
    }

    @Override
    public Availability availability() {
        int feature = Runtime.version().feature();
        return feature >= FEATURE_WITH_METHOD_PROFILES
                ? Availability.yes()
                : Availability.no("an AOT cache with method profiles (JEP 515) needs JDK 25, this is JDK " + feature);
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        Path dir = context.directoryFor(this, workload.id());
        Map<String, String> environment = Map.of();
        try {
            CodeDirectory.copyLib(workload.codeDirectory(context.home()), dir);
            BootstrapScript.write(dir, name + ": " + description(), bootstrapBody(workload, context, dir));
            if (primed) {
                Path events = Files.createDirectories(dir.resolve(PRIMING_DIR));
                Files.write(events.resolve(workload.id() + ".json"), workload.event(context.smallEvents()));
                environment = Map.of(ENV_PRIMING, events.toAbsolutePath().toString());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PreparationException(name + ": writing the code directory " + dir + " failed", e);
        }
        PreparedFunction function =
                new PreparedFunction(dir, RuntimeKind.PROVIDED, workload.coldbrewMainClass(), flags(), environment);
        train(name, workload, context, function);
        return function;
    }

    /** The flags recorded in results.json: the memory split, then the cache, required. */
    static List<String> flags() {
        List<String> flags = new ArrayList<>(BootstrapScript.MEMORY_FLAGS);
        flags.add(REQUIRE_CACHE);
        flags.add("-XX:AOTCache=" + CACHE_FILE);
        return flags;
    }

    static String bootstrapBody(Workload workload, StrategyContext context, Path dir) throws IOException {
        List<String> jars = CodeDirectory.jarNames(dir);
        String training = BootstrapScript.javaCommand(
                context.javaHome(), List.of(), jars, workload.coldbrewMainClass(), List.of());
        String production = BootstrapScript.javaCommand(
                context.javaHome(),
                List.of(REQUIRE_CACHE, "-XX:AOTCache=" + BootstrapScript.ROOT + CACHE_FILE),
                jars,
                workload.coldbrewMainClass(),
                List.of());
        return "if [ \"${" + TRAINING_VARIABLE + ":-}\" = 1 ]; then\n    " + training + "fi\n" + production;
    }

    /**
     * Trains {@code function}'s cache with coldbrew-package's {@link AotTrainer}: the workload's event
     * {@link Workload#trainingInvokes()} times at {@value #TRAINING_MEMORY_MB} MB, then the cache created for the
     * bootstrap's production command line. Any function error fails the preparation.
     */
    static void train(String strategy, Workload workload, StrategyContext context, PreparedFunction function)
            throws PreparationException {
        Path dir = function.code().toAbsolutePath();
        Map<String, String> environment = new HashMap<>(function.environment());
        environment.put(TRAINING_VARIABLE, "1");
        LambdaRun run = new LambdaRun(
                workload.id() + "-" + strategy + "-training",
                function.runtime(),
                function.handler(),
                TRAINING_MEMORY_MB,
                TRAINING_TIMEOUT,
                environment);
        var event = new SampleEvents.Event(workload.id() + ".json", workload.event(context.smallEvents()));
        Path configuration = dir.resolve(CONFIGURATION_FILE);
        try {
            AotTrainer.Result result = AotTrainer.record(
                    run,
                    dir,
                    List.of(event),
                    workload.trainingInvokes(),
                    configuration,
                    context.lambda().options().logSink());
            if (result.functionErrors() > 0) {
                throw new PreparationException(strategy + ": training " + workload.id() + ": "
                        + result.functionErrors() + " of " + result.invocations() + " invokes failed, the first: "
                        + result.firstFunctionError());
            }
            AotTrainer.create(cacheCommand(workload, context, dir), configuration, dir.resolve(CACHE_FILE));
        } catch (PackageException | IOException e) {
            throw new PreparationException(
                    strategy + ": AOT training of " + workload.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** The bootstrap's production command line, at the training memory size, as the cache is created for it. */
    private static AotTrainer.CacheCommand cacheCommand(Workload workload, StrategyContext context, Path dir)
            throws IOException {
        String classPath = String.join(
                File.pathSeparator,
                CodeDirectory.jarNames(dir).stream()
                        .map(jar -> dir.resolve("lib").resolve(jar).toString())
                        .toList());
        return new AotTrainer.CacheCommand(
                dir,
                context.javaHome().resolve("bin").resolve("java"),
                BootstrapScript.memoryFlags(TRAINING_MEMORY_MB),
                classPath,
                workload.coldbrewMainClass());
    }
}
