package dev.coldbrew.bench.strategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The jars the bench puts into a function's code beside the workload's own: the go1.x transport (coldbrew-gorpc and
 * coldbrew-gorpc-runtime) and the seed's bridge (coldbrew-bridge-jni-go). Maven copies them, without their
 * versions, into {@value #FOLDER} when it packages coldbrew-bench, as it builds the workloads' {@code target/function}
 * directories; strategies take them from there, never from the bench's own class path.
 */
final class FunctionJars {
    /** The folder, relative to the repository root. */
    static final String FOLDER = "coldbrew-bench/target/function-jars";
    /** The command that fills {@value #FOLDER}. */
    static final String BUILD = "./mvnw install -DskipTests -pl coldbrew-bench -am";

    static final String GORPC = "coldbrew-gorpc.jar";
    static final String GORPC_RUNTIME = "coldbrew-gorpc-runtime.jar";
    static final String BRIDGE = "coldbrew-bridge-jni-go.jar";

    private FunctionJars() {}

    /**
     * The jar {@code name} in {@code home}'s {@value #FOLDER}; a missing one is an error of {@code strategy} naming
     * the jar and the command that builds it.
     */
    static Path find(String strategy, Path home, String name) throws PreparationException {
        Path jar = home.resolve(FOLDER).resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new PreparationException(strategy + ": " + jar + " is missing: Maven puts " + name
                    + " there when it packages" + " coldbrew-bench; build it with " + BUILD
                    + " (./coldbrew builds it when the folder is missing)");
        }
        return jar;
    }

    /** Copies the jar {@code name} into {@code dir} (created if needed) under the same name; returns the copy. */
    static Path copy(String strategy, Path home, String name, Path dir) throws PreparationException, IOException {
        Path jar = find(strategy, home, name);
        return Files.copy(jar, Files.createDirectories(dir).resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
