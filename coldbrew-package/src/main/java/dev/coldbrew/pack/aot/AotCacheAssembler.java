package dev.coldbrew.pack.aot;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.jdk.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates the AOT cache from a training run's configuration with the package's own runtime
 * ({@code -XX:AOTMode=create}), in the package folder and with the launcher's class path and flags, so that the
 * cache matches what the bootstrap later runs.
 */
public final class AotCacheAssembler {
    private AotCacheAssembler() {}

    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Writes {@code cacheFile} (relative to {@code packageRoot}).
     *
     * @throws PackageException with the JVM's output when the creation fails
     */
    public static void create(
            Path packageRoot,
            Path java,
            List<String> flags,
            String classPath,
            String mainClass,
            Path configuration,
            String cacheFile)
            throws PackageException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.add("-XX:AOTMode=create");
        command.add("-XX:AOTConfiguration=" + configuration);
        command.add("-XX:AOTCache=" + cacheFile);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        ToolRunner.run(command, packageRoot, Map.of(), CREATE_TIMEOUT);
    }
}
