package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.training.TrainingMain;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.InvocationResult;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.RuntimeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * coldbrew's runtime on JDK 25 with an AOT cache (JEP 483/514/515, Project Leyden): loaded and linked classes and
 * method profiles recorded by a training run that invokes the function in the local Lambda with its own event, so
 * the next JVM starts with its classes ready and its JIT already knowing the hot paths.
 *
 * <p>One bootstrap serves both runs: with {@value #TRAINING_VARIABLE}=1 it starts {@link TrainingMain} with
 * {@code -XX:AOTCacheOutput}; otherwise the example's own {@code main} with {@code -XX:AOTCache}. Both use the same
 * explicit classpath (the training jar included), as the cache requires.
 */
public final class AotStrategy implements Strategy {
    public static final String NAME = "coldbrew-aot";
    public static final String CACHE_FILE = "app.aot";
    static final String TRAINING_VARIABLE = "COLDBREW_AOT_TRAINING";
    static final String TRAINING_JAR = "coldbrew-aot-training.jar";
    /**
     * A cache the JVM cannot use (other jars, other paths: it records absolute classpaths) stops the JVM at start
     * instead of being skipped with a warning, so a run never reports plain-JVM numbers as AOT ones.
     */
    static final String REQUIRE_CACHE = "-XX:AOTMode=on";
    /** Training runs at the largest quick-profile size: most CPU, and room for the cache-writing JVM. */
    static final int TRAINING_MEMORY_MB = 3008;

    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);
    private static final int FEATURE_WITH_AOT_CACHE_OUTPUT = 25;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "coldbrew's runtime on JDK 25 with an AOT cache trained in the local Lambda"
                + " (-XX:AOTCacheOutput, then -XX:AOTMode=on -XX:AOTCache; C1+C2, serial GC)";
    }

    @Override
    public Availability availability() {
        int feature = Runtime.version().feature();
        return feature >= FEATURE_WITH_AOT_CACHE_OUTPUT
                ? Availability.yes()
                : Availability.no("-XX:AOTCacheOutput needs JDK 25, this is JDK " + feature);
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        Path dir = context.directoryFor(this, workload.id());
        try {
            CodeDirectory.copyLib(workload.codeDirectory(context.home()), dir);
            writeTrainingJar(dir.resolve("lib").resolve(TRAINING_JAR));
            BootstrapScript.write(dir, NAME + ": " + description(), bootstrapBody(workload, context, dir));
        } catch (IOException | UncheckedIOException e) {
            throw new PreparationException(NAME + ": writing the code directory " + dir + " failed", e);
        }
        List<String> flags = new ArrayList<>(BootstrapScript.MEMORY_FLAGS);
        flags.add(REQUIRE_CACHE);
        flags.add("-XX:AOTCache=" + CACHE_FILE);
        PreparedFunction function =
                new PreparedFunction(dir, RuntimeKind.PROVIDED, workload.coldbrewMainClass(), flags, Map.of());
        train(workload, context, function);
        return function;
    }

    static String bootstrapBody(Workload workload, StrategyContext context, Path dir) throws IOException {
        List<String> jars = CodeDirectory.jarNames(dir);
        String training = BootstrapScript.javaCommand(
                context.javaHome(),
                List.of("-XX:AOTCacheOutput=" + BootstrapScript.ROOT + CACHE_FILE),
                jars,
                TrainingMain.class.getName(),
                List.of(workload.coldbrewMainClass()));
        String production = BootstrapScript.javaCommand(
                context.javaHome(),
                List.of(REQUIRE_CACHE, "-XX:AOTCache=" + BootstrapScript.ROOT + CACHE_FILE),
                jars,
                workload.coldbrewMainClass(),
                List.of());
        return "if [ \"${" + TRAINING_VARIABLE + ":-}\" = 1 ]; then\n    " + training + "fi\n" + production;
    }

    /** Invokes the training function with the workload's event, then ends it so the JVM writes the cache. */
    private static void train(Workload workload, StrategyContext context, PreparedFunction function)
            throws PreparationException {
        String name = workload.id() + "-aot-training";
        LocalLambda lambda = context.lambda();
        var config = new PreparedFunction(
                        function.code(),
                        function.runtime(),
                        function.handler(),
                        function.jvmFlags(),
                        Map.of(TRAINING_VARIABLE, "1"))
                .config(name, TRAINING_MEMORY_MB, TRAINING_TIMEOUT);
        lambda.register(config);
        try {
            for (int i = 0; i < workload.trainingInvokes(); i++) {
                InvocationResult result = lambda.invoke(name, workload.event(context.smallEvents()));
                if (result.functionError() != null) {
                    throw new PreparationException(NAME + ": training invoke " + (i + 1) + " of " + workload.id()
                            + " failed with " + result.functionError() + ": " + result.log());
                }
            }
            InvocationResult end = lambda.invoke(name, TrainingMain.END_EVENT);
            Path cache = function.code().resolve(CACHE_FILE);
            if (!Files.isRegularFile(cache)) {
                throw new PreparationException(NAME + ": the training run of " + workload.id()
                        + " ended without writing " + cache + "; its log: " + end.log());
            }
        } finally {
            lambda.stopEnvironments(name);
        }
    }

    /** A jar holding only {@link TrainingMain}, read from the bench's own classes. */
    private static void writeTrainingJar(Path jar) throws IOException {
        String entry = TrainingMain.class.getName().replace('.', '/') + ".class";
        try (InputStream in = TrainingMain.class.getClassLoader().getResourceAsStream(entry);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (in == null) {
                throw new IOException("class file " + entry + " not found on the bench's classpath");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
