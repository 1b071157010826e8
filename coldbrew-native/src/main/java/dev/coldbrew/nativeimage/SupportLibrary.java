package dev.coldbrew.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * coldbrew's C support library, compiled with the system {@code gcc} on first use into a cache folder named after
 * a hash of its sources and the JDK, and reused after that. Compiling on first use rather than in the Maven build
 * keeps the build free of native plugins, and the image builder needs {@code gcc} anyway to link; the sources
 * travel in this module's jar ({@code src/main/c}).
 *
 * <p>What it makes, all under {@link #dir()}:
 *
 * <ul>
 *   <li>{@code clib/}: the builder's {@code -H:CLibraryPath}: the headers the builder compiles its C queries with
 *       ({@code include/*cpufeatures.h}, {@code include/svm_locale.h}) and empty {@code lib{java,nio,net,zip}.a}
 *       archives, whose existence is all the builder checks (the image links the JDK's shared libraries instead);
 *   <li>{@code libcoldbrew-native.a}: the C functions the image calls (CPU features, signals, locale, time zone,
 *       container limits, small wrappers), linked into the executable;
 *   <li>{@code lib/libjvm.so}: the stand-in for HotSpot that the JDK's libraries bind to (see {@code jvm.c});
 *   <li>{@code libreporterchelper.so}: the two JNI functions of the builder's progress reporter.
 * </ul>
 */
final class SupportLibrary {
    /** The files of {@code src/main/c}, as resources under {@code c/}. SupportLibraryTest keeps this list whole. */
    static final List<String> SOURCES = List.of(
            "coldbrew_native.h",
            "container.c",
            "cpufeatures.c",
            "include/aarch64cpufeatures.h",
            "include/amd64cpufeatures.h",
            "include/riscv64cpufeatures.h",
            "include/svm_locale.h",
            "jvm.c",
            "jvm_unavailable.def",
            "libjvm.map",
            "locale.c",
            "misc.c",
            "reporterchelper.c",
            "signals.c",
            "timezone.c");

    static final List<String> IMAGE_OBJECTS =
            List.of("signals.c", "misc.c", "cpufeatures.c", "locale.c", "timezone.c", "container.c");
    static final List<String> STATIC_JDK_LIBRARIES = List.of("java", "nio", "net", "zip");
    private static final byte[] EMPTY_ARCHIVE = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(2);

    private final Path dir;

    private SupportLibrary(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path cLibraryPath() {
        return dir.resolve("clib");
    }

    Path imageArchive() {
        return dir.resolve("libcoldbrew-native.a");
    }

    /** The folder of coldbrew's {@code libjvm.so}. */
    Path libjvmDir() {
        return dir.resolve("lib");
    }

    Path reporterLibrary() {
        return dir.resolve("libreporterchelper.so");
    }

    /** The compiled library for {@code jdk}, compiling it into {@code cacheRoot} if this is the first use. */
    static SupportLibrary compiled(Path jdk, Path cacheRoot) throws NativeImageException {
        Path dir = cacheRoot.resolve("support-" + hash(jdk));
        if (Files.isRegularFile(dir.resolve("complete"))) {
            return new SupportLibrary(dir);
        }
        Path work = cacheRoot.resolve("support-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            compile(jdk, work);
            Files.writeString(work.resolve("complete"), "");
            Files.createDirectories(cacheRoot);
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(dir.resolve("complete"))) { // not another process that got there first
                throw new NativeImageException(
                        "compile coldbrew's native support library into " + work + " failed: " + e.getMessage(), e);
            }
        } finally {
            FileTrees.deleteTree(work);
        }
        return new SupportLibrary(dir);
    }

    private static void compile(Path jdk, Path work) throws IOException, NativeImageException {
        Path src = work.resolve("src");
        for (String source : SOURCES) {
            Path file = src.resolve(source);
            Files.createDirectories(file.getParent());
            Files.write(file, source(source));
        }
        Path clib = work.resolve("clib");
        Files.createDirectories(clib);
        FileTrees.copyTree(src.resolve("include"), clib.resolve("include"));
        for (String library : STATIC_JDK_LIBRARIES) {
            Files.write(clib.resolve("lib" + library + ".a"), EMPTY_ARCHIVE);
        }
        List<String> objects = new ArrayList<>();
        for (String source : IMAGE_OBJECTS) {
            String object = work.resolve(source.replace(".c", ".o")).toString();
            gcc(jdk, src, work, List.of("-c", src.resolve(source).toString(), "-o", object));
            objects.add(object);
        }
        List<String> ar = new ArrayList<>(
                List.of("ar", "rcs", work.resolve("libcoldbrew-native.a").toString()));
        ar.addAll(objects);
        BuildProcess.run(ar, work, work.resolve("ar.log"), COMPILE_TIMEOUT);
        Files.createDirectories(work.resolve("lib"));
        gcc(
                jdk,
                src,
                work,
                List.of(
                        "-shared",
                        "-Wl,-soname,libjvm.so",
                        "-Wl,--version-script," + src.resolve("libjvm.map"),
                        "-o",
                        work.resolve("lib/libjvm.so").toString(),
                        src.resolve("jvm.c").toString(),
                        src.resolve("container.c").toString()));
        gcc(
                jdk,
                src,
                work,
                List.of(
                        "-shared",
                        "-o",
                        work.resolve("libreporterchelper.so").toString(),
                        src.resolve("reporterchelper.c").toString()));
    }

    private static void gcc(Path jdk, Path src, Path work, List<String> args) throws NativeImageException {
        List<String> command = new ArrayList<>(List.of(
                "gcc",
                "-O2",
                "-fPIC",
                "-Wall",
                "-Wextra",
                "-Wno-unused-parameter",
                "-I" + src,
                "-I" + jdk.resolve("include"),
                "-I" + jdk.resolve("include/linux")));
        command.addAll(args);
        BuildProcess.run(command, work, work.resolve("gcc.log"), COMPILE_TIMEOUT);
    }

    static byte[] source(String name) throws NativeImageException {
        try (InputStream in = SupportLibrary.class.getResourceAsStream("c/" + name)) {
            if (in == null) {
                throw new NativeImageException("coldbrew-native's jar lacks its C source c/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new NativeImageException("read C source c/" + name + " failed: " + e.getMessage(), e);
        }
    }

    /** A hash of the sources and the JDK they compile against (its path and release file). */
    static String hash(Path jdk) throws NativeImageException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String source : SOURCES) {
                digest.update(source.getBytes(StandardCharsets.UTF_8));
                digest.update(source(source));
            }
            digest.update(jdk.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            Path release = jdk.resolve("release");
            if (Files.isRegularFile(release)) {
                digest.update(Files.readAllBytes(release));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new NativeImageException("hash coldbrew's native support sources failed: " + e.getMessage(), e);
        }
    }
}
