package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.FunctionJars;
import dev.coldbrew.pack.JvmFlags;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.PackageRequest;
import dev.coldbrew.pack.PackageSummary;
import dev.coldbrew.pack.Packager;
import dev.coldbrew.pack.SizeLimits;
import dev.coldbrew.pack.layout.ZipWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workload as a user deploys it with {@code coldbrew package}: a {@code provided.al2023} zip holding a jlink'd
 * Java runtime of the JDK modules reachable from the function, the function's jars, an AOT cache trained by that
 * runtime with the workload's own bench event, and a {@code bootstrap} with coldbrew's default JVM flags
 * ({@link JvmFlags#DEFAULTS}). The zip is made once per workload and unpacked as Lambda unpacks it: into a fresh
 * folder, keeping each entry's modification time and mode (the AOT cache checks the jars' times). Memory sizes only
 * change the function's configuration, never the package.
 */
public final class PackageProvidedStrategy implements Strategy {
    public static final String NAME = "package-provided";
    /** The same zip made with {@code --prime}: the workload's event primes the handler during Init. */
    public static final String PRIMED_NAME = "package-provided-primed";
    /** Below {@code <work>/package-provided/<workload>}: the packager's output (function.zip, template.yaml). */
    static final String PACKAGE_DIR = "package";
    /** Below {@code <work>/package-provided/<workload>}: the unpacked zip, the task root the bench runs. */
    static final String TASK_ROOT = "task";

    static final String EVENTS_DIR = "events";
    /**
     * The cache must be used: with {@code -XX:AOTMode=on} a JVM that cannot map it stops at start instead of
     * running without it, so the numbers are never plain-JVM numbers. Passed as Lambda users would, through the
     * function's {@code JAVA_TOOL_OPTIONS}.
     */
    static final String REQUIRE_CACHE = "-XX:AOTMode=on";

    private static final int FEATURE_WITH_AOT_CACHE = 25;
    private static final System.Logger LOG = System.getLogger(PackageProvidedStrategy.class.getName());

    private final Map<String, String> environment;
    private final boolean primed;

    /** @param environment the process environment, passed to the packager (PATH, GRAALVM_HOME) */
    public PackageProvidedStrategy(Map<String, String> environment) {
        this(environment, false);
    }

    private PackageProvidedStrategy(Map<String, String> environment, boolean primed) {
        this.environment = Map.copyOf(environment);
        this.primed = primed;
    }

    /** The zip made with {@code --prime}, the workload's event as training and priming event. */
    public static PackageProvidedStrategy primed(Map<String, String> environment) {
        return new PackageProvidedStrategy(environment, true);
    }

    @Override
    public String name() {
        return primed ? PRIMED_NAME : NAME;
    }

    @Override
    public String description() {
        return "coldbrew package's provided.al2023 zip, unpacked as Lambda does: jlink'd runtime of the reachable"
                + " JDK modules, AOT cache trained with the workload's event, -XX:AOTMode=on; "
                + String.join(" ", JvmFlags.DEFAULTS)
                + (primed ? "; --prime: primed during Init with the workload's event" : "");
    }

    @Override
    public Availability availability() {
        int feature = Runtime.version().feature();
        if (feature < FEATURE_WITH_AOT_CACHE) {
            return Availability.no("the packaged AOT cache needs JDK 25, this is JDK " + feature);
        }
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        return Files.isExecutable(jlink)
                ? Availability.yes()
                : Availability.no("no jlink at " + jlink + " (a JRE, not a JDK)");
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        Path dir = context.directoryFor(this, workload.id());
        Path task = dir.resolve(TASK_ROOT);
        PackageSummary summary;
        try {
            PackageRequest request = request(workload, context, dir, primed);
            summary = new Packager(request, PackageProvidedStrategy::log, environment).pack();
            ZipWriter.extract(summary.zip(), task);
        } catch (IOException e) {
            throw new PreparationException(
                    name() + ": preparing " + dir + " for " + workload.id() + " failed: " + e.getMessage(), e);
        } catch (PackageException | IllegalArgumentException e) {
            throw new PreparationException(name() + ": packaging " + workload.id() + " failed: " + e.getMessage(), e);
        }
        List<String> flags = new ArrayList<>(JvmFlags.DEFAULTS);
        flags.add(JvmFlags.aotCacheFlag());
        flags.add(REQUIRE_CACHE);
        return new PreparedFunction(
                task,
                RuntimeKind.PROVIDED,
                workload.coldbrewMainClass(),
                flags,
                Map.of("JAVA_TOOL_OPTIONS", REQUIRE_CACHE),
                artifact(summary));
    }

    /** e.g. {@code function.zip 14.2 MB (14876543 bytes), unzipped 60.1 MB, modules java.base, AOT cache 31.0 MB}. */
    static String artifact(PackageSummary summary) {
        return summary.zip().getFileName() + " " + SizeLimits.megabytes(summary.zipBytes()) + " ("
                + summary.zipBytes() + " bytes), unzipped " + SizeLimits.megabytes(summary.unzippedBytes())
                + ", modules " + String.join(",", summary.modules()) + ", AOT cache "
                + SizeLimits.megabytes(summary.aotCacheBytes());
    }

    /**
     * The packaging request: the example's jars and {@code main}, the workload's event as the only training event,
     * sent as often as {@link AotStrategy} sends it, at the same training memory size. Modules are computed from the
     * reachable classes (kmeans' commons-math3 jar names java.desktop, which its reachable classes never use). The
     * packager's own check of the zip is skipped: the bench runs the unpacked zip itself.
     */
    static PackageRequest request(Workload workload, StrategyContext context, Path dir)
            throws IOException, PackageException {
        return request(workload, context, dir, false);
    }

    /** As {@link #request(Workload, StrategyContext, Path)}, with {@code --prime} when {@code primed}. */
    static PackageRequest request(Workload workload, StrategyContext context, Path dir, boolean primed)
            throws IOException, PackageException {
        CodeDirectory.deleteRecursively(dir);
        Path events = Files.createDirectories(dir.resolve(EVENTS_DIR));
        Files.write(events.resolve(workload.id() + ".json"), workload.event(context.smallEvents()));
        return PackageRequest.builder()
                .jars(FunctionJars.inCodeDirectory(workload.codeDirectory(context.home())))
                .mainClass(workload.coldbrewMainClass())
                .functionName(workload.id())
                .memoryMb(AotStrategy.TRAINING_MEMORY_MB)
                .timeoutSeconds((int) AotStrategy.TRAINING_TIMEOUT.toSeconds())
                .eventsDir(events)
                .reachableModules(true)
                .trainingRounds(workload.trainingInvokes())
                .prime(primed)
                .verify(false)
                .jdkHome(context.javaHome())
                .outputDir(Files.createDirectories(dir.resolve(PACKAGE_DIR)))
                .build();
    }

    /** The packager's steps and the training run's function log: kept out of the bench's progress bar. */
    private static void log(String line) {
        LOG.log(Level.DEBUG, line);
    }
}
