package dev.coldbrew.local.testing;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test functions from {@code src/test/resources/functions/}, copied into a directory with an executable bootstrap. */
public final class TestFunctions {
    private TestFunctions() {}

    /** The JVM running the tests, given to bootstraps as {@code JAVA}. */
    public static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Test functions get one vCPU (1,769 MB, Lambda's CPU share) so that a JVM starts in reasonable time. */
    public static final int MEMORY_MB = 1769;

    /**
     * The probe function (see {@code Fn.java}) as provided.al2023 in {@code dir}: its bootstrap runs the class,
     * compiled here with the test JVM's compiler.
     */
    public static FunctionConfig probe(Path dir, String name, Map<String, String> env) {
        copy("probe", dir, "Fn.java", "bootstrap");
        compile(dir.resolve("Fn.java"), "-cp", dir.toString());
        Map<String, String> all = new HashMap<>(env);
        all.put("JAVA", JAVA);
        return FunctionConfig.of(name, dir, RuntimeKind.PROVIDED, "Fn")
                .withEnvironment(all)
                .withMemoryMb(MEMORY_MB);
    }

    /** The aws-lambda-java-core handler {@code Hello} compiled into {@code dir} (Lambda's layout: classes at the root). */
    public static Path awsCoreHandler(Path dir) {
        copy("awscore", dir, "Hello.java");
        compile(dir.resolve("Hello.java"), "-cp", AwsJavaRuntime.coreJar().toString());
        return dir;
    }

    /** The benchmark's echo function (raw-socket Runtime API loop, see {@code Echo.java}) as provided.al2023. */
    public static FunctionConfig echo(Path dir, String name) {
        copy("echo", dir, "Echo.java", "bootstrap");
        compile(dir.resolve("Echo.java"), "-cp", dir.toString());
        return FunctionConfig.of(name, dir, RuntimeKind.PROVIDED, "Echo")
                .withEnvironment(Map.of("JAVA", JAVA))
                .withMemoryMb(MEMORY_MB);
    }

    /**
     * The streaming function (see {@code Streamer.java}: coldbrew's runtime, {@code LambdaRuntime.runStreaming}) as
     * provided.al2023 in {@code dir}.
     */
    public static FunctionConfig streamer(Path dir, String name) {
        copy("streamer", dir, "Streamer.java", "bootstrap");
        String runtime = Go1xFunctions.classpath();
        compile(dir.resolve("Streamer.java"), "-cp", runtime);
        return FunctionConfig.of(name, dir, RuntimeKind.PROVIDED, "Streamer")
                .withEnvironment(Map.of("JAVA", JAVA, "COLDBREW_CLASSPATH", dir + java.io.File.pathSeparator + runtime))
                .withMemoryMb(MEMORY_MB);
    }

    /**
     * The tenant function (see {@code Tenant.java}: coldbrew's runtime, answering with its {@code Context}'s tenant
     * id and its pid) as provided.al2023 in {@code dir}.
     */
    public static FunctionConfig tenant(Path dir, String name) {
        copy("tenant", dir, "Tenant.java", "bootstrap");
        String runtime = Go1xFunctions.classpath();
        compile(dir.resolve("Tenant.java"), "-cp", runtime);
        return FunctionConfig.of(name, dir, RuntimeKind.PROVIDED, "Tenant")
                .withEnvironment(Map.of("JAVA", JAVA, "COLDBREW_CLASSPATH", dir + java.io.File.pathSeparator + runtime))
                .withMemoryMb(MEMORY_MB);
    }

    /**
     * The Lambda Managed Instances function (see {@code Managed.java}: coldbrew's runtime, which runs
     * {@code AWS_LAMBDA_MAX_CONCURRENCY} loops) as provided.al2023 in {@code dir}, {@code maxConcurrency}
     * invocations at once per environment.
     */
    public static FunctionConfig managed(Path dir, String name, int maxConcurrency) {
        copy("managed", dir, "Managed.java", "bootstrap");
        String runtime = Go1xFunctions.classpath();
        compile(dir.resolve("Managed.java"), "-cp", runtime);
        return FunctionConfig.of(name, dir, RuntimeKind.PROVIDED, "Managed")
                .withEnvironment(Map.of("JAVA", JAVA, "COLDBREW_CLASSPATH", dir + java.io.File.pathSeparator + runtime))
                .withMemoryMb(MEMORY_MB)
                .withMaxConcurrency(maxConcurrency);
    }

    /** The aws-lambda-java-core handler {@code SlowHello} (see {@code SlowHello.java}) compiled into {@code dir}. */
    public static Path awsCoreManagedHandler(Path dir) {
        copy("managed", dir, "SlowHello.java");
        compile(dir.resolve("SlowHello.java"), "-cp", AwsJavaRuntime.coreJar().toString());
        return dir;
    }

    /** Compiles a Java source into its own directory. */
    public static void compile(Path source, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(options));
        args.addAll(
                java.util.List.of("--release", "21", "-d", source.getParent().toString(), source.toString()));
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac " + source + " failed with status " + status);
        }
    }

    public static FunctionConfig probe(Path dir, String name) {
        return probe(dir, name, Map.of());
    }

    static void copy(String function, Path dir, String... files) {
        try {
            Files.createDirectories(dir);
            for (String file : files) {
                try (InputStream in = TestFunctions.class.getResourceAsStream("/functions/" + function + "/" + file)) {
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                if (file.equals("bootstrap")) {
                    dir.resolve(file).toFile().setExecutable(true, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copy test function " + function + " into " + dir + " failed", e);
        }
    }
}
