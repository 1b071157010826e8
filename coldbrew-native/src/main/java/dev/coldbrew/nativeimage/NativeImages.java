package dev.coldbrew.nativeimage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the tool that builds native images here: {@code $GRAALVM_HOME/bin/native-image}, else the first
 * {@code native-image} on {@code PATH}, else GraalVM's image builder from Maven Central ({@link MavenBuilder}),
 * which needs only this JDK 25 and {@code gcc}.
 */
public final class NativeImages {
    private NativeImages() {}

    /** The tool for {@code env} (the process environment, or a map in tests). */
    public static NativeImageTool locate(Map<String, String> env) throws NativeImageException {
        Optional<Path> installed = installed(env);
        if (installed.isPresent()) {
            return new InstalledNativeImage(installed.get());
        }
        Optional<String> unavailable = unavailable(env);
        if (unavailable.isPresent()) {
            throw new NativeImageException(unavailable.get());
        }
        return MavenBuilder.create(Path.of(System.getProperty("java.home")), Caches.root(env));
    }

    /**
     * Why no native image can be built here, or empty when one can: an installed {@code native-image}, or
     * {@code gcc} on {@code PATH} and the builder jars for {@link MavenBuilder}. Cheap: compiles nothing.
     */
    public static Optional<String> unavailable(Map<String, String> env) {
        try {
            if (installed(env).isPresent()) {
                return Optional.empty();
            }
            BuilderJars.load();
        } catch (NativeImageException e) {
            return Optional.of(e.getMessage());
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "gcc"))) {
                return Optional.empty();
            }
        }
        return Optional.of("no native-image (GRAALVM_HOME, PATH) and no gcc on PATH for GraalVM's builder from"
                + " Maven Central");
    }

    /** An installed {@code native-image}: under {@code GRAALVM_HOME} when that is set, else on {@code PATH}. */
    static Optional<Path> installed(Map<String, String> env) throws NativeImageException {
        String graal = env.getOrDefault("GRAALVM_HOME", "");
        if (!graal.isBlank()) {
            Path tool = Path.of(graal, "bin", "native-image");
            if (!Files.isExecutable(tool)) {
                throw new NativeImageException("GRAALVM_HOME is " + graal + " but " + tool
                        + " does not exist or is not executable; install GraalVM's native-image there or unset"
                        + " GRAALVM_HOME to build with GraalVM's builder from Maven Central");
            }
            return Optional.of(tool);
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path tool = dir.isEmpty() ? null : Path.of(dir, "native-image");
            if (tool != null && Files.isExecutable(tool)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }
}
