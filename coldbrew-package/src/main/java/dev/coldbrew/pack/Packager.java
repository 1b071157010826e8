package dev.coldbrew.pack;

import dev.coldbrew.nativeimage.NativeImageResult;
import dev.coldbrew.pack.aot.AotTrainer;
import dev.coldbrew.pack.aot.LambdaRun;
import dev.coldbrew.pack.aot.SampleEvents;
import dev.coldbrew.pack.aot.ZipCheck;
import dev.coldbrew.pack.jdk.Jdk;
import dev.coldbrew.pack.jdk.ModuleResolver;
import dev.coldbrew.pack.jdk.ReachableModules;
import dev.coldbrew.pack.jdk.RuntimeImageBuilder;
import dev.coldbrew.pack.layout.Folders;
import dev.coldbrew.pack.layout.Launchers;
import dev.coldbrew.pack.layout.SamTemplate;
import dev.coldbrew.pack.layout.ZipWriter;
import dev.coldbrew.pack.nativeimage.NativeImageBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Makes a deployable Lambda zip and its SAM template: the one implementation behind {@code coldbrew package} and
 * the {@code coldbrew:package} Maven goal.
 */
public final class Packager {
    public static final String ZIP_NAME = "function.zip";

    /** The event a training run sends when the user gives no events folder. */
    static final SampleEvents.Event EMPTY_EVENT =
            new SampleEvents.Event("{} (no events folder given)", "{}".getBytes(StandardCharsets.UTF_8));

    private final PackageRequest request;
    private final Consumer<String> progress;
    private final Map<String, String> environment;

    /**
     * @param progress receives one line per step and the function's log lines from the local Lambda
     * @param environment where {@code GRAALVM_HOME} and {@code PATH} are looked up ({@code System.getenv()})
     */
    public Packager(PackageRequest request, Consumer<String> progress, Map<String, String> environment) {
        this.request = request;
        this.progress = progress;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Packages the function.
     *
     * @throws PackageException naming the step and the bad input or tool output
     */
    public PackageSummary pack() throws PackageException {
        Folders.requireWritable(request.outputDir());
        FunctionJars jars = FunctionJars.open(request.jars());
        Entrypoint entry = Entrypoint.resolve(request.mainClass(), request.handler(), request.target(), jars);
        SampleEvents events = request.eventsDir() == null
                ? new SampleEvents(Path.of("."), List.of(EMPTY_EVENT))
                : SampleEvents.read(request.eventsDir());
        SampleEvents priming = primingEvents(events, entry);
        Path work = createWorkDir();
        try {
            Path stage = work.resolve("package");
            List<String> jarNames = new ArrayList<>();
            for (Path jar : jars.jars()) {
                Folders.copyInto(jar, stage.resolve(Launchers.LIB_DIR));
                jarNames.add(jar.getFileName().toString());
            }
            if (priming != null) {
                writePrimingEvents(priming, stage.resolve(Launchers.PRIMING_DIR));
            }
            Contents contents = request.target().isManagedJava()
                    ? managedJava(stage, jarNames, entry)
                    : request.nativeImage()
                            ? nativeBootstrap(stage, jars, entry)
                            : jvm(stage, work, jars, entry, events);
            return finish(stage, work, entry, events, contents);
        } finally {
            Folders.deleteTree(work);
        }
    }

    /**
     * The events the package primes with (null without {@code --prime}): the priming folder, checked as training
     * events are, or the training events themselves.
     */
    private SampleEvents primingEvents(SampleEvents training, Entrypoint entry) throws PackageException {
        Path folder = request.primingEvents();
        if (folder == null) {
            return null;
        }
        if (!entry.coldbrewRuntime()) {
            throw new PackageException("--prime needs coldbrew's runtime, but handler " + entry.handler()
                    + " runs on AWS's runtime client here: give --main-class, or add the coldbrew-runtime jar");
        }
        return folder.equals(request.eventsDir()) ? training : SampleEvents.read(folder);
    }

    private void writePrimingEvents(SampleEvents priming, Path folder) throws PackageException {
        step("priming: " + priming.events().size() + " event(s) from " + priming.folder() + " into "
                + Launchers.PRIMING_DIR + "/ (" + Launchers.ENV_PRIMING + " set by the launcher)");
        try {
            Files.createDirectories(folder);
            for (SampleEvents.Event event : priming.events()) {
                Files.write(folder.resolve(event.fileName()), event.payload());
            }
        } catch (IOException e) {
            throw new PackageException("write priming events to " + folder + " failed: " + e.getMessage(), e);
        }
    }

    /** What the target-specific step put in the package. */
    record Contents(
            String kind,
            List<String> modules,
            List<String> moduleSources,
            long aotCacheBytes,
            int trainingInvocations,
            String nativeImage) {
        Contents(String kind, List<String> modules, List<String> moduleSources, long aotCacheBytes, int training) {
            this(kind, modules, moduleSources, aotCacheBytes, training, "");
        }
    }

    private Contents jvm(Path stage, Path work, FunctionJars jars, Entrypoint entry, SampleEvents events)
            throws PackageException {
        List<String> jarNames =
                jars.jars().stream().map(j -> j.getFileName().toString()).toList();
        Jdk jdk = request.jdkHome() == null ? Jdk.current() : Jdk.at(request.jdkHome());
        List<String> modules = modules(jdk, jars, entry);
        List<String> sources = request.modules().isEmpty() && !request.reachableModules() && modules.size() > 1
                ? ModuleResolver.moduleSources(jdk, request.jars())
                : List.of();
        step("jlink: " + String.join(",", modules));
        RuntimeImageBuilder.link(jdk, modules, stage.resolve(Launchers.RUNTIME_DIR), !request.aotCache());
        String classPath = Launchers.classPath(jarNames);
        Folders.writeExecutable(
                stage.resolve(Launchers.BOOTSTRAP),
                Launchers.bootstrap(
                        request.jvmFlags(), JvmFlags.aotCacheFlag(), jarNames, entry.mainClass(), request.prime()));
        if (!request.aotCache()) {
            return new Contents("jvm", modules, sources, 0, 0);
        }
        ZipWriter.fixTimes(stage);
        Path training = work.resolve("training");
        Folders.copyTree(stage, training);
        Path configuration = work.resolve("coldbrew.aotconf");
        step("AOT training run: " + events.events().size() + " event(s) x " + request.trainingRounds()
                + " round(s) in the local Lambda, task root " + training);
        AotTrainer.Result trained = AotTrainer.record(
                lambdaRun(), training, events.events(), request.trainingRounds(), configuration, progress);
        step("AOT cache: creating " + JvmFlags.AOT_CACHE_FILE + " with the bundled runtime");
        Path java = stage.resolve(Launchers.RUNTIME_DIR).resolve("bin").resolve("java");
        AotTrainer.create(
                new AotTrainer.CacheCommand(stage, java, request.jvmFlags(), classPath, entry.mainClass()),
                configuration,
                Path.of(JvmFlags.AOT_CACHE_FILE));
        return new Contents(
                "jvm+aot", modules, sources, size(stage.resolve(JvmFlags.AOT_CACHE_FILE)), trained.invocations());
    }

    private Contents nativeBootstrap(Path stage, FunctionJars jars, Entrypoint entry) throws PackageException {
        List<Path> classPath = new ArrayList<>(jars.jars());
        if (entry.mainClass().equals(Entrypoint.COLDBREW_MAIN)) {
            String handlerClass = Entrypoint.handlerClass(entry.handler());
            classPath.add(NativeImageBuilder.handlerMetadataJar(handlerClass, stage.getParent()));
        }
        step("native-image: " + entry.mainClass());
        Folders.deleteTree(stage.resolve(Launchers.LIB_DIR));
        NativeImageResult result = NativeImageBuilder.build(
                environment,
                classPath,
                entry.mainClass(),
                stage.resolve(Launchers.BOOTSTRAP),
                stage.getParent().resolve("native-build"));
        return new Contents("native", List.of(), List.of(), 0, 0, NativeImageBuilder.summary(result));
    }

    private Contents managedJava(Path stage, List<String> jarNames, Entrypoint entry) throws PackageException {
        if (!entry.coldbrewRuntime()) {
            return new Contents("aws-handler", List.of(), List.of(), 0, 0);
        }
        Folders.writeExecutable(
                stage.resolve(Launchers.EXEC_WRAPPER),
                Launchers.execWrapper(request.jvmFlags(), jarNames, entry.mainClass(), request.prime()));
        return new Contents("exec-wrapper", List.of(), List.of(), 0, 0);
    }

    private PackageSummary finish(Path stage, Path work, Entrypoint entry, SampleEvents events, Contents contents)
            throws PackageException {
        long unzipped = ZipWriter.unzippedSize(stage);
        request.limits().checkUnzipped(unzipped);
        Path zip = work.resolve(ZIP_NAME);
        ZipWriter.write(stage, zip);
        long zipped = size(zip);
        request.limits().checkZipped(zipped);
        String verification = "skipped";
        if (request.verify() && request.target() == Target.PROVIDED_AL2023) {
            step("verify: running the zip in the local Lambda, unpacked to a new folder");
            verification = ZipCheck.run(
                    lambdaRun(),
                    zip,
                    work.resolve("verify/var/task"),
                    events.events().getFirst(),
                    contents.aotCacheBytes() > 0,
                    request.prime(),
                    progress);
        }
        Path output = request.outputDir().resolve(ZIP_NAME);
        move(zip, output);
        Path template = writeTemplate(entry);
        return new PackageSummary(
                output,
                template,
                request.target(),
                SamTemplate.hostArchitecture(),
                contents.kind(),
                zipped,
                unzipped,
                contents.modules(),
                contents.moduleSources(),
                contents.aotCacheBytes(),
                contents.trainingInvocations(),
                contents.nativeImage(),
                verification);
    }

    private Path writeTemplate(Entrypoint entry) throws PackageException {
        Map<String, String> variables = new java.util.TreeMap<>(request.environment());
        if (request.target().isManagedJava() && entry.coldbrewRuntime()) {
            variables.put("AWS_LAMBDA_EXEC_WRAPPER", Launchers.EXEC_WRAPPER_PATH);
        }
        SamTemplate template = new SamTemplate(
                SamTemplate.logicalIdOf(request.functionName()),
                ZIP_NAME,
                request.target().id(),
                entry.handler(),
                request.memoryMb(),
                request.timeoutSeconds(),
                SamTemplate.hostArchitecture(),
                variables);
        Path file = request.outputDir().resolve(SamTemplate.FILE_NAME);
        try {
            Files.writeString(file, template.render());
        } catch (IOException e) {
            throw new PackageException("write " + file + " failed: " + e.getMessage(), e);
        }
        return file;
    }

    private List<String> modules(Jdk jdk, FunctionJars jars, Entrypoint entry) throws PackageException {
        TreeSet<String> modules = new TreeSet<>(request.modules());
        if (modules.isEmpty() && request.reachableModules()) {
            Set<String> roots = roots(jars, entry);
            step("jdeps: computing the JDK modules reachable from " + roots.size() + " entry class(es)");
            modules.addAll(ReachableModules.compute(jdk, request.jars(), roots));
        } else if (modules.isEmpty()) {
            step("jdeps: computing the JDK modules of " + request.jars().size() + " jar(s)");
            modules.addAll(ModuleResolver.requiredModules(jdk, request.jars()));
        }
        modules.addAll(request.addModules());
        modules.add("java.base");
        return List.copyOf(modules);
    }

    /** The main class, the handler class, coldbrew's generic main and every ServiceLoader provider. */
    private static Set<String> roots(FunctionJars jars, Entrypoint entry) {
        Set<String> roots = new java.util.HashSet<>(jars.serviceProviders());
        roots.add(Entrypoint.handlerClass(entry.handler()));
        if (!entry.mainClass().isEmpty()) {
            roots.add(entry.mainClass());
        }
        if (jars.containsClass(Entrypoint.COLDBREW_MAIN)) {
            roots.add(Entrypoint.COLDBREW_MAIN);
        }
        return roots;
    }

    private LambdaRun lambdaRun() {
        return new LambdaRun(
                request.functionName(),
                request.handler().isEmpty() ? request.mainClass() : request.handler(),
                request.memoryMb(),
                Duration.ofSeconds(request.timeoutSeconds()),
                request.environment());
    }

    private void step(String line) {
        progress.accept("coldbrew package: " + line);
    }

    private static Path createWorkDir() throws PackageException {
        try {
            return Files.createTempDirectory("coldbrew-package-");
        } catch (IOException e) {
            throw new PackageException("create a temporary folder failed: " + e.getMessage(), e);
        }
    }

    private static long size(Path file) throws PackageException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PackageException("size of " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws PackageException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copy) {
                throw new PackageException("write " + to + " failed: " + copy.getMessage(), copy);
            }
        }
    }
}
