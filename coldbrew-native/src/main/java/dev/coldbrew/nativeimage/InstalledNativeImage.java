package dev.coldbrew.nativeimage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A GraalVM {@code native-image} installed on this machine. Its driver reads the jars' metadata itself, and the
 * executable links the distribution's static JDK libraries: nothing ships beside it.
 */
public final class InstalledNativeImage implements NativeImageTool {
    private final Path tool;

    InstalledNativeImage(Path tool) {
        this.tool = tool;
    }

    @Override
    public String describe() {
        return "GraalVM native-image at " + tool;
    }

    @Override
    public NativeImageResult build(NativeImageRequest request, Path relativeWorkDir) throws NativeImageException {
        Instant start = Instant.now();
        Path workDir = relativeWorkDir.toAbsolutePath(); // the builder runs in it: a relative path would not resolve
        Path log = workDir.resolve("build.log");
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(log);
        } catch (java.io.IOException e) {
            throw new NativeImageException("prepare " + workDir + " failed: " + e.getMessage(), e);
        }
        BuildProcess.run(command(request), workDir, log, MavenBuilder.BUILD_TIMEOUT);
        return new NativeImageResult(
                request.output().toAbsolutePath(), List.of(), describe(), Duration.between(start, Instant.now()));
    }

    List<String> command(NativeImageRequest request) {
        List<String> command = new ArrayList<>(List.of(tool.toString(), "--no-fallback", "-march=" + request.march()));
        command.add("-cp");
        command.add(String.join(
                File.pathSeparator,
                request.classPath().stream()
                        .map(p -> p.toAbsolutePath().toString())
                        .toList()));
        command.add("-o");
        command.add(request.output().toAbsolutePath().toString());
        command.addAll(request.builderOptions());
        command.add(request.mainClass());
        return command;
    }
}
