package dev.coldbrew.local.testing;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.gorpc.runtime.GoRpcTransportProvider;
import dev.coldbrew.gorpc.testing.GoToolchain;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * go1.x test functions from {@code src/test/resources/functions/}: {@code gofn}, written in Go against
 * {@code net/rpc} and built here with the installed Go toolchain (Debian's {@code golang-go}); and
 * {@code javago}, a Java handler on coldbrew's runtime whose executable is a script named by the handler.
 */
public final class Go1xFunctions {
    private Go1xFunctions() {}

    private static final List<String> GO_SOURCES = List.of("go.mod", "messages/messages.go", "main.go");
    private static final long BUILD_TIMEOUT_SECONDS = 300;

    /** Builds {@code gofn} into {@code dir/code/gofn} and returns it as a go1.x function (handler {@code gofn}). */
    public static FunctionConfig goFunction(Path dir, String name) throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        for (String source : GO_SOURCES) {
            copy("go1x/" + source, src.resolve(source));
        }
        Path code = Files.createDirectories(dir.resolve("code"));
        GoToolchain.build(
                src,
                dir,
                Duration.ofSeconds(BUILD_TIMEOUT_SECONDS),
                "-o",
                code.resolve("gofn").toString(),
                ".");
        return FunctionConfig.of(name, code, RuntimeKind.GO1X, "gofn").withMemoryMb(TestFunctions.MEMORY_MB);
    }

    /**
     * The Java handler {@code JavaGo} compiled into {@code dir}, with its executable script {@code javago} (the
     * handler): it runs coldbrew's runtime and coldbrew-gorpc-runtime on the test JVM.
     */
    public static FunctionConfig javaFunction(Path dir, String name) throws IOException {
        Path source = copy("javago/JavaGo.java", dir.resolve("JavaGo.java"));
        Path script = copy("javago/javago", dir.resolve("javago"));
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("chmod +x " + script + " failed");
        }
        String runtime = classpath();
        TestFunctions.compile(source, "-cp", runtime);
        return FunctionConfig.of(name, dir, RuntimeKind.GO1X, "javago")
                .withEnvironment(
                        Map.of("JAVA", TestFunctions.JAVA, "COLDBREW_CLASSPATH", dir + File.pathSeparator + runtime))
                .withMemoryMb(TestFunctions.MEMORY_MB);
    }

    /**
     * The same handler {@code JavaGo} over the Runtime API, as provided.al2023: a {@code bootstrap} runs it with
     * coldbrew's runtime, which takes the Runtime API because Lambda sets no {@code _LAMBDA_SERVER_PORT} there.
     */
    public static FunctionConfig javaRuntimeApiFunction(Path dir, String name) throws IOException {
        FunctionConfig go1x = javaFunction(dir, name);
        Path bootstrap = dir.resolve("bootstrap");
        Files.writeString(
                bootstrap,
                "#!/bin/sh\nexec \"$JAVA\" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
                        + " -cp \"$COLDBREW_CLASSPATH\" JavaGo\n");
        if (!bootstrap.toFile().setExecutable(true)) {
            throw new IOException("chmod +x " + bootstrap + " failed");
        }
        return FunctionConfig.of(name, dir, RuntimeKind.PROVIDED, "JavaGo")
                .withEnvironment(go1x.environment())
                .withMemoryMb(TestFunctions.MEMORY_MB);
    }

    /** coldbrew-runtime-api, coldbrew-runtime, coldbrew-gorpc and coldbrew-gorpc-runtime, as jars or class folders. */
    static String classpath() {
        return List.of(RuntimeApi.class, LambdaRuntime.class, GoRpcFunctionServer.class, GoRpcTransportProvider.class)
                .stream()
                .map(Go1xFunctions::location)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
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

    private static Path copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = Go1xFunctions.class.getResourceAsStream("/functions/" + resource)) {
            if (in == null) {
                throw new IOException("test resource /functions/" + resource + " is missing");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
