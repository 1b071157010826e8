package dev.coldbrew.pack.nativeimage;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.jdk.ToolRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the function as a native executable with GraalVM's {@code native-image}, used as {@code bootstrap}. The
 * reachability metadata that jars ship under {@code META-INF/native-image/} (coldbrew's runtime ships its own) is
 * picked up by native-image from the class path.
 */
public final class NativeImageBuilder {
    private NativeImageBuilder() {}

    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

    /**
     * Flags: no fallback to a JVM image (the package has no JVM), and instructions every x86_64 Lambda host runs.
     */
    public static final List<String> FLAGS = List.of("--no-fallback", "-march=compatibility");

    /**
     * Finds {@code native-image}: {@code $GRAALVM_HOME/bin/native-image}, else the first on {@code PATH}.
     *
     * @throws PackageException saying where it looked when there is none
     */
    public static Path locate(Map<String, String> env) throws PackageException {
        String graal = env.getOrDefault("GRAALVM_HOME", "");
        if (!graal.isBlank()) {
            Path tool = Path.of(graal, "bin", "native-image");
            if (Files.isExecutable(tool)) {
                return tool;
            }
            throw new PackageException("--native: GRAALVM_HOME is " + graal + " but " + tool
                    + " does not exist or is not executable; install GraalVM's native-image there");
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "native-image"))) {
                return Path.of(dir, "native-image");
            }
        }
        throw new PackageException("--native: no native-image found: GRAALVM_HOME is not set and no native-image"
                + " is on PATH (" + path + "); install GraalVM for JDK 25 and set GRAALVM_HOME, or package without"
                + " --native (a jlink'd runtime with an AOT cache)");
    }

    /**
     * Builds {@code output} (the executable) from the jars and the main class, in {@code workDir} (native-image
     * leaves build reports in its working directory, which must not be the package folder).
     */
    public static void build(Path nativeImage, List<Path> jars, String mainClass, Path output, Path workDir)
            throws PackageException {
        List<String> command = new ArrayList<>();
        command.add(nativeImage.toString());
        command.addAll(FLAGS);
        command.add("-cp");
        command.add(String.join(
                File.pathSeparator, jars.stream().map(Path::toString).toList()));
        command.add("-o");
        command.add(output.toString());
        command.add(mainClass);
        ToolRunner.run(command, workDir, Map.of(), BUILD_TIMEOUT);
    }
}
