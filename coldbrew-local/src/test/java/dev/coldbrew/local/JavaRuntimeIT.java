package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.testing.AwsJavaRuntime;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The managed java25 runtime reproduced: AWS's own runtime interface client runs an aws-lambda-java-core handler. */
class JavaRuntimeIT {

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder()
                .logSink(lines::add)
                .awsRuntimeClasspath(AwsJavaRuntime.classpath())
                .build());
        Path code = TestFunctions.awsCoreHandler(dir);
        lambda.register(FunctionConfig.of("hello", code, RuntimeKind.JAVA25, "Hello::handleRequest")
                .withMemoryMb(TestFunctions.MEMORY_MB));
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void awsRuntimeClientRunsTheHandlerWithTheManagedRuntimeFlags() {
        InvocationResult result = lambda.invoke("hello", "{\"name\":\"coldbrew\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.functionError())
                .as(result.payloadText() + "\n" + result.log())
                .isNull();
        assertThat(result.payloadText())
                .contains("\"hello\":\"coldbrew\"")
                .contains("\"requestId\":\"" + result.requestId() + "\"")
                .contains("\"function\":\"hello\"")
                .contains("\"memory\":" + TestFunctions.MEMORY_MB)
                .contains("\"executionEnv\":\"AWS_Lambda_java25\"")
                .contains("-XX:TieredStopAtLevel=1")
                .contains("-XX:+UseSerialGC")
                .contains("-XX:MaxHeapSize=" + TestFunctions.MEMORY_MB * 1024 * 85 / 100 + "k");
        assertThat(result.report().initDurationMs()).isPresent();
        assertThat(String.join("\n", lines))
                .as("the JVM's warnings in the function's log")
                .contains("START RequestId: " + result.requestId())
                .doesNotContain("restricted method")
                .doesNotContain("WARNING:");
    }

    /** AWS's client frames each {@code log()} call; each shows inside its invocation, even without a newline. */
    @Test
    void eachLogCallIsOneRecordInsideItsInvocation() {
        InvocationResult result = lambda.invoke("hello", "{\"name\":\"logs\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.functionError()).as(result.log()).isNull();
        String id = result.requestId();
        assertThat(lines)
                .containsSubsequence(
                        "START RequestId: " + id + " Version: $LATEST",
                        "first record, no newline",
                        "second record",
                        "of two lines",
                        "END RequestId: " + id);
        assertThat(result.log()).contains("first record, no newline\nsecond record\nof two lines\n");
    }

    @Test
    void handlerExceptionIsAFunctionErrorAndTheEnvironmentStays() {
        InvocationResult failed = lambda.invoke("hello", "{\"fail\":true}".getBytes(StandardCharsets.UTF_8));
        InvocationResult next = lambda.invoke("hello", "{\"name\":\"again\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payloadText())
                .contains("\"errorType\":\"java.lang.IllegalStateException\"")
                .contains("asked to fail");
        assertThat(next.functionError()).isNull();
        assertThat(next.report().initDurationMs()).isEmpty();
    }

    /** Lambda deploys a jar as it does a zip: its entries are the code. java17 runs like java21 under its own name. */
    @Test
    void aJava17FunctionRunsFromAJar() throws IOException {
        Path jar = jar(TestFunctions.awsCoreHandler(dir.resolve("jarred")), dir.resolve("function.jar"));
        lambda.register(FunctionConfig.of("from-jar", jar, RuntimeKind.JAVA17, "Hello::handleRequest")
                .withMemoryMb(TestFunctions.MEMORY_MB));

        InvocationResult result = lambda.invoke("from-jar", "{\"name\":\"jar\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.functionError())
                .as(result.payloadText() + "\n" + result.log())
                .isNull();
        assertThat(result.payloadText())
                .contains("\"hello\":\"jar\"")
                .contains("\"executionEnv\":\"AWS_Lambda_java17\"");
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
