package dev.coldbrew.pack.nativeimage;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.jdk.ToolRunner;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

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

    /** The jar with the reflection metadata of a handler named by {@code _HANDLER}. */
    public static final String HANDLER_METADATA_JAR = "coldbrew-handler-metadata.jar";

    /**
     * Writes a jar whose {@code META-INF/native-image/.../reachability-metadata.json} registers the handler class
     * for reflection: coldbrew's generic main loads it by name from {@code _HANDLER}, which native-image cannot see.
     *
     * @return the jar, to add to native-image's class path
     */
    public static Path handlerMetadataJar(String handlerClass, Path dir) throws PackageException {
        Path jar = dir.resolve(HANDLER_METADATA_JAR);
        String json = "{\"reflection\":[{\"type\":\"" + handlerClass + "\",\"methods\":[{\"name\":\"<init>\","
                + "\"parameterTypes\":[]}],\"allPublicMethods\":true}]}\n";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(METADATA_ENTRY));
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            return jar;
        } catch (IOException e) {
            throw new PackageException("write " + jar + " failed: " + e.getMessage(), e);
        }
    }

    static final String METADATA_ENTRY = "META-INF/native-image/dev.coldbrew/handler/reachability-metadata.json";

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
