package dev.coldbrew.bench.calibration;

import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.NativeStrategy;
import dev.coldbrew.bench.strategy.PreparationException;
import dev.coldbrew.bench.strategy.PreparedFunction;
import dev.coldbrew.bench.strategy.StrategyContext;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.jdk.ToolRunner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds each {@link Shape}'s function in the run's folder: the Go and C hello worlds from the sources shipped in
 * this module (with the machine's {@code go} and {@code gcc}), the shell bootstrap as it is, and the Java shapes
 * through the bench's own strategies on the echo workload.
 */
final class ShapeFunctions {
    /** A compiler that takes longer than this is stuck. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    private final StrategyContext context;
    private final NativeStrategy nativeStrategy;
    private final Map<String, String> environment;

    ShapeFunctions(StrategyContext context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
        this.nativeStrategy = new NativeStrategy(environment);
    }

    /** Why {@code shape} cannot run on this machine, or empty when it can. */
    Optional<String> unavailable(Shape shape) {
        return switch (shape) {
            case JAVA25, SHELL -> Optional.empty();
            case NATIVE ->
                nativeStrategy.availability().available()
                        ? Optional.empty()
                        : Optional.of(nativeStrategy.availability().reason());
            case GO -> onPath("go").isPresent() ? Optional.empty() : Optional.of("no go on PATH");
            case C -> onPath("gcc").isPresent() ? Optional.empty() : Optional.of("no gcc on PATH");
        };
    }

    /** The function of {@code shape}, built under {@code dir}. */
    PreparedFunction prepare(Shape shape, Path dir) throws PreparationException {
        try {
            return switch (shape) {
                case JAVA25 -> new AwsJavaStrategy().prepare(Workload.ECHO, context);
                case NATIVE -> nativeStrategy.prepare(Workload.ECHO, context);
                case GO -> provided(goBootstrap(Files.createDirectories(dir)));
                case C -> provided(cBootstrap(Files.createDirectories(dir)));
                case SHELL -> provided(shellBootstrap(Files.createDirectories(dir)));
            };
        } catch (IOException | PackageException e) {
            throw new PreparationException("calibration " + shape.id() + ": building in " + dir + " failed", e);
        }
    }

    private static PreparedFunction provided(Path dir) {
        return new PreparedFunction(dir, RuntimeKind.PROVIDED, null, List.of(), Map.of());
    }

    private Path goBootstrap(Path dir) throws IOException, PackageException {
        copy("hello.go", dir.resolve("main.go"));
        Files.writeString(dir.resolve("go.mod"), "module hello\n\ngo 1.19\n");
        Path cache = Files.createDirectories(dir.resolve(".gocache"));
        ToolRunner.run(
                List.of(onPath("go").orElseThrow().toString(), "build", "-o", "bootstrap", "."),
                dir,
                Map.of("CGO_ENABLED", "0", "GOPROXY", "off", "GOFLAGS", "-mod=mod", "GOCACHE", cache.toString()),
                BUILD_TIMEOUT);
        return dir;
    }

    private Path cBootstrap(Path dir) throws IOException, PackageException {
        copy("hello.c", dir.resolve("hello.c"));
        ToolRunner.run(
                List.of(onPath("gcc").orElseThrow().toString(), "-O2", "-o", "bootstrap", "hello.c"),
                dir,
                Map.of(),
                BUILD_TIMEOUT);
        return dir;
    }

    private static Path shellBootstrap(Path dir) throws IOException {
        Path bootstrap = dir.resolve("bootstrap");
        copy("bootstrap.sh", bootstrap);
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = ShapeFunctions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from coldbrew-bench");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Optional<Path> onPath(String tool) {
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Optional.of(Path.of(dir, tool));
            }
        }
        return Optional.empty();
    }
}
