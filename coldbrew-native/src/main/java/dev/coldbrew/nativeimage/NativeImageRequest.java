package dev.coldbrew.nativeimage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build: the function's jars (their {@code META-INF/native-image/} metadata is honoured), its main class,
 * the executable to write, the CPU level to compile for and extra builder options ({@code -H:...}).
 *
 * @param classPath the jars (or class directories), in class path order
 * @param mainClass the class whose {@code main} the executable runs
 * @param output the executable to write; its folder also receives {@link NativeImageResult#LIBRARY_DIR}
 * @param march the CPU level ({@code -march}): {@link #COMPATIBILITY} runs on every x86_64 Lambda host
 * @param builderOptions further options for the image builder, passed as they are
 */
public record NativeImageRequest(
        List<Path> classPath, String mainClass, Path output, String march, List<String> builderOptions) {

    /** The default CPU level: the oldest x86_64 (and armv8-a) CPUs, as on any Lambda host. */
    public static final String COMPATIBILITY = "compatibility";

    public NativeImageRequest {
        classPath = List.copyOf(classPath);
        builderOptions = List.copyOf(builderOptions);
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("native image of " + mainClass + ": the class path is empty");
        }
        for (Path entry : classPath) {
            if (!Files.exists(entry)) {
                throw new IllegalArgumentException("native image of " + mainClass + ": " + entry + " does not exist");
            }
        }
        if (mainClass == null || mainClass.isBlank()) {
            throw new IllegalArgumentException("native image: no main class given for " + classPath);
        }
        if (march == null || march.isBlank()) {
            throw new IllegalArgumentException("native image of " + mainClass + ": -march is empty");
        }
    }

    /** The usual request: the default CPU level and no extra options. */
    public static NativeImageRequest of(List<Path> classPath, String mainClass, Path output) {
        return new NativeImageRequest(classPath, mainClass, output, COMPATIBILITY, List.of());
    }

    public NativeImageRequest withMarch(String level) {
        return new NativeImageRequest(classPath, mainClass, output, level, builderOptions);
    }

    public NativeImageRequest withBuilderOptions(List<String> options) {
        return new NativeImageRequest(classPath, mainClass, output, march, options);
    }
}
