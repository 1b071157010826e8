package dev.coldbrew.bridge.jnigo.testing;

import dev.coldbrew.bridge.jnigo.JniGoTransportProvider;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.runtime.GoRpcTransportProvider;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A coldbrew function served through the bridge in its own JVM: {@code java -cp …} with
 * {@code _LAMBDA_SERVER_PORT} on a free port, {@code COLDBREW_TRANSPORT=jni-go} and the library's path, as Lambda's
 * go1.x runtime would start it. coldbrew-gorpc is on its class path too, so the transport is chosen by name. The
 * process writes to a file, never a pipe, and {@link #close()} kills it in every case.
 */
public final class BridgeFunction implements AutoCloseable {
    /** The library the build made, and its test variant with a Go panic on demand (set by the pom). */
    public static final String LIBRARY = System.getProperty("coldbrew.jnigo.test.library");

    public static final String PANIC_LIBRARY = System.getProperty("coldbrew.jnigo.test.panicLibrary");

    public static final String HANDLER = "dev.coldbrew.bridge.jnigo.BridgeTestHandler";
    private static final String GENERIC_MAIN = "dev.coldbrew.runtime.Main";
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;
    private final int port;

    private BridgeFunction(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** {@code dev.coldbrew.runtime.Main} with {@code _HANDLER} naming the test handler, on the built library. */
    public static BridgeFunction start(Path dir) throws IOException {
        return start(dir, LIBRARY, GENERIC_MAIN, Map.of(RuntimeApi.ENV_HANDLER, HANDLER));
    }

    /** {@code dev.coldbrew.runtime.Main} with {@code _HANDLER} naming the test handler, on {@code library}. */
    public static BridgeFunction start(Path dir, String library) throws IOException {
        return start(dir, library, GENERIC_MAIN, Map.of(RuntimeApi.ENV_HANDLER, HANDLER));
    }

    /** {@code mainClass}'s own main (a {@code LambdaRuntime.run} call), on the built library. */
    public static BridgeFunction startMain(Path dir, String mainClass) throws IOException {
        return start(dir, LIBRARY, mainClass, Map.of());
    }

    /** The test handler's own main (LambdaRuntime.run), on {@code library}. */
    public static BridgeFunction startOwnMain(Path dir, String library) throws IOException {
        return start(dir, library, HANDLER, Map.of());
    }

    private static BridgeFunction start(Path dir, String library, String mainClass, Map<String, String> env)
            throws IOException {
        int port = freePort();
        Path log = Files.createTempFile(Files.createDirectories(dir), "function-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        javaCommand(),
                        "-XX:+UseSerialGC",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        classpath(),
                        mainClass)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put(RuntimeApi.ENV_LAMBDA_SERVER_PORT, Integer.toString(port));
        builder.environment().put(TransportProvider.ENV_TRANSPORT, JniGoTransportProvider.NAME);
        builder.environment().put("COLDBREW_JNI_GO_LIBRARY", library);
        builder.environment().put(RuntimeApi.ENV_FUNCTION_NAME, "bridge-test");
        return new BridgeFunction(builder.start(), log, port);
    }

    /** Connects as Lambda's go1.x runtime does: dial and ping until the function answers. */
    public GoRpcFunctionClient connect() throws IOException, InterruptedException {
        try {
            return GoRpcFunctionClient.connect(port, READY);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; the function's output: " + output(), e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits at most {@code timeout} for the process to end; its exit code, or -1 if it still runs. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This module's classes and tests, the runtime, and coldbrew-gorpc-runtime with coldbrew-gorpc (whose go1.x
     * transport is the default).
     */
    public static String classpath() {
        return List.of(
                        JniGoTransportProvider.class,
                        BridgeFunction.class,
                        LambdaRuntime.class,
                        RuntimeApi.class,
                        GoRpcTransportProvider.class,
                        GoRpcFunctionClient.class)
                .stream()
                .map(BridgeFunction::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    public static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("locate " + type.getName() + " failed", e);
        }
    }
}
