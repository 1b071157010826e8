package dev.coldbrew.nativeimage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * GraalVM's image builder from Maven Central, run as the {@code native-image} driver would run it: a JVM of its
 * own (a {@link JdkOverlay} of this JDK) with the builder on the module path, the compiler jar on
 * {@code --upgrade-module-path}, the {@code --add-exports} its modules need ({@code add-exports.args}) and JVMCI
 * enabled. The distribution's native pieces come from {@link SupportLibrary}.
 *
 * <p>The executable links the JDK's {@code libjava}, {@code libnio}, {@code libnet} and {@code libzip} shared
 * libraries (a GraalVM distribution links static ones) and coldbrew's {@code libjvm.so} ahead of them, so HotSpot
 * is never loaded. All five are copied into {@link NativeImageResult#LIBRARY_DIR} beside the executable, which
 * finds them through its rpath {@code $ORIGIN/native-lib}: the folder moves as a whole.
 */
public final class MavenBuilder implements NativeImageTool {
    /** A build that takes longer than this is stuck (about 2 minutes per function were measured on 2 cores). */
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

    static final String BUILDER_MAIN =
            "org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner";
    static final List<String> JDK_LIBRARIES = List.of("libjava.so", "libnio.so", "libnet.so", "libzip.so");

    private final Path jdk;
    private final BuilderJars jars;
    private final SupportLibrary support;
    private final Path overlay;

    private MavenBuilder(Path jdk, BuilderJars jars, SupportLibrary support, Path overlay) {
        this.jdk = jdk;
        this.jars = jars;
        this.support = support;
        this.overlay = overlay;
    }

    /** The builder for {@code jdk} (the one running this code), its support files cached under {@code cacheRoot}. */
    static MavenBuilder create(Path jdk, Path cacheRoot) throws NativeImageException {
        BuilderJars jars = BuilderJars.load();
        SupportLibrary support = SupportLibrary.compiled(jdk, cacheRoot);
        Path overlay = overlay(jdk, support, cacheRoot);
        return new MavenBuilder(jdk, jars, support, overlay);
    }

    private static Path overlay(Path jdk, SupportLibrary support, Path cacheRoot) throws NativeImageException {
        Path dir = cacheRoot.resolve("jdk-" + support.dir().getFileName());
        if (Files.isRegularFile(dir.resolve(JdkOverlay.REPORTER_LIBRARY))) {
            return dir;
        }
        Path work = cacheRoot.resolve("jdk-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            JdkOverlay.create(jdk, work, support.reporterLibrary());
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(dir.resolve(JdkOverlay.REPORTER_LIBRARY))) {
                throw new NativeImageException(
                        "make the builder's JDK overlay of " + jdk + " in " + work + " failed: " + e.getMessage(), e);
            }
        } finally {
            FileTrees.deleteTree(work);
        }
        return dir;
    }

    @Override
    public String describe() {
        return "GraalVM builder " + jars.version() + " from Maven Central on " + jdk
                + " (coldbrew's C support library, the JDK's shared libraries)";
    }

    @Override
    public NativeImageResult build(NativeImageRequest request, Path relativeWorkDir) throws NativeImageException {
        Instant start = Instant.now();
        Path workDir = relativeWorkDir.toAbsolutePath(); // the builder runs in it: a relative path would not resolve
        Path output = request.output().toAbsolutePath();
        Path libDir = output.resolveSibling(NativeImageResult.LIBRARY_DIR);
        String name = output.getFileName().toString();
        try {
            FileTrees.deleteTree(workDir.resolve("metadata"));
            Files.createDirectories(workDir);
            List<Path> libraries = copyLibraries(libDir);
            Path args = workDir.resolve("builder.args");
            Files.write(args, quoted(builderArguments(request, workDir, libDir, name)), StandardCharsets.UTF_8);
            List<String> command = List.of(overlay.resolve("bin/java").toString(), "@" + args);
            Path log = workDir.resolve("build.log");
            Files.deleteIfExists(log);
            BuildProcess.run(command, workDir, log, BUILD_TIMEOUT);
            Files.move(workDir.resolve("image").resolve(name), output, StandardCopyOption.REPLACE_EXISTING);
            return new NativeImageResult(output, libraries, describe(), Duration.between(start, Instant.now()));
        } catch (IOException e) {
            throw new NativeImageException(
                    "native image of " + request.mainClass() + " into " + output + " failed: " + e.getMessage(), e);
        } finally {
            FileTrees.deleteTree(workDir.resolve("tmp"));
        }
    }

    private List<Path> copyLibraries(Path libDir) throws IOException {
        Files.createDirectories(libDir);
        List<Path> copies = new ArrayList<>();
        copies.add(copy(support.libjvmDir().resolve("libjvm.so"), libDir));
        for (String library : JDK_LIBRARIES) {
            copies.add(copy(jdk.resolve("lib").resolve(library), libDir));
        }
        return copies;
    }

    private static Path copy(Path file, Path dir) throws IOException {
        return Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    List<String> builderArguments(NativeImageRequest request, Path workDir, Path libDir, String name)
            throws NativeImageException {
        List<String> args = new ArrayList<>(jvmArguments());
        args.add("--module");
        args.add(BUILDER_MAIN);
        args.add("-imagecp");
        args.add(String.join(
                File.pathSeparator,
                request.classPath().stream()
                        .map(p -> p.toAbsolutePath().toString())
                        .toList()));
        args.add("-H:Path=" + workDir.resolve("image"));
        args.add("-H:Name=" + name);
        args.add("-H:Class=" + request.mainClass());
        args.add("-H:ImageBuildID=" + UUID.randomUUID());
        args.add("-H:CLibraryPath=" + support.cLibraryPath());
        args.add("-H:TempDirectory=" + workDir.resolve("tmp"));
        args.add("-H:MicroArchitecture=" + request.march());
        args.add("-H:+ReportExceptionStackTraces");
        args.addAll(ReachabilityMetadata.options(request.classPath(), workDir.resolve("metadata")));
        for (String option : linkerOptions(libDir)) {
            args.add("-H:NativeLinkerOption=" + option);
        }
        args.addAll(request.builderOptions());
        return args;
    }

    /** The builder's JVM: as the driver starts it, on the overlay JDK. */
    List<String> jvmArguments() throws NativeImageException {
        List<String> args = new ArrayList<>(List.of(
                "-Xss10m",
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:+EnableJVMCI",
                "-XX:-UseJVMCICompiler",
                "-Xshare:off",
                "-Djava.awt.headless=true",
                "-Dorg.graalvm.version=" + jars.version(),
                "-Dcom.oracle.graalvm.isaot=true",
                "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader",
                "-Dorg.graalvm.nativeimage.imagecode=buildtime",
                "--enable-native-access=org.graalvm.nativeimage.builder,org.graalvm.truffle.compiler,ALL-UNNAMED"));
        args.addAll(BuilderJars.addExports());
        args.add("--module-path");
        args.add(String.join(
                File.pathSeparator,
                jars.modulePath().stream().map(Path::toString).toList()));
        args.add("--upgrade-module-path");
        args.add(jars.compiler().toString());
        return args;
    }

    /**
     * Links coldbrew's support archive, then coldbrew's {@code libjvm.so} before the JDK's libraries (NEEDED order
     * is load order, so their dependency on {@code libjvm.so} is met by coldbrew's), each named by file so the
     * builder's empty static archives are not picked, with an rpath relative to the executable.
     */
    List<String> linkerOptions(Path libDir) {
        List<String> options = new ArrayList<>(
                List.of(support.imageArchive().toString(), "-L" + libDir, "-Wl,--no-as-needed", "-l:libjvm.so"));
        JDK_LIBRARIES.forEach(l -> options.add("-l:" + l));
        options.add("-Wl,--disable-new-dtags");
        options.add("-Wl,-rpath,$ORIGIN/" + NativeImageResult.LIBRARY_DIR);
        return options;
    }

    /** Arguments as a java launcher argument file wants them: each on a line, quoted. */
    static List<String> quoted(List<String> args) {
        return args.stream()
                .map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .toList();
    }

    BuilderJars jars() {
        return jars;
    }
}
