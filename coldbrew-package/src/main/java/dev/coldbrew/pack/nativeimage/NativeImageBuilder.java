package dev.coldbrew.pack.nativeimage;

import dev.coldbrew.nativeimage.NativeImageException;
import dev.coldbrew.nativeimage.NativeImageRequest;
import dev.coldbrew.nativeimage.NativeImageResult;
import dev.coldbrew.nativeimage.NativeImageTool;
import dev.coldbrew.nativeimage.NativeImages;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.SizeLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Builds the function as a native executable, used as {@code bootstrap}, with coldbrew-native (a real GraalVM
 * {@code native-image} where installed, else GraalVM's builder from Maven Central). The reachability metadata that
 * jars ship under {@code META-INF/native-image/} (coldbrew's runtime ships its own) is honoured either way.
 */
public final class NativeImageBuilder {
    private NativeImageBuilder() {}

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
     * Builds {@code bootstrap} (the executable) from the jars and the main class with the tool coldbrew-native finds
     * for {@code env}: a GraalVM {@code native-image} where one is installed, else GraalVM's builder from Maven
     * Central, whose executable needs the shared libraries it puts in {@code native-lib/} beside it. The builder's
     * files go to {@code workDir}, which must not be the package folder.
     */
    public static NativeImageResult build(
            Map<String, String> env, List<Path> jars, String mainClass, Path bootstrap, Path workDir)
            throws PackageException {
        try {
            NativeImageTool tool = NativeImages.locate(env);
            return tool.build(NativeImageRequest.of(jars, mainClass, bootstrap), workDir);
        } catch (NativeImageException e) {
            throw new PackageException("--native: " + e.getMessage(), e);
        }
    }

    /** The summary line: the executable's size, and what ships beside it. */
    public static String summary(NativeImageResult result) throws PackageException {
        long executable = size(result.executable());
        long libraries = 0;
        for (Path library : result.libraries()) {
            libraries += size(library);
        }
        String line = "bootstrap " + SizeLimits.megabytes(executable);
        if (!result.libraries().isEmpty()) {
            line += " + " + NativeImageResult.LIBRARY_DIR + "/ " + SizeLimits.megabytes(libraries) + " ("
                    + String.join(
                            ", ",
                            result.libraries().stream()
                                    .map(l -> l.getFileName().toString())
                                    .toList())
                    + ")";
        }
        return line + "; built by " + result.builtBy();
    }

    private static long size(Path file) throws PackageException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PackageException("size of " + file + " unreadable: " + e.getMessage(), e);
        }
    }
}
