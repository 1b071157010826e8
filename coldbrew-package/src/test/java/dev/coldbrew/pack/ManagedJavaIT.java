package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.layout.Launchers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zips for Lambda's managed Java runtimes, run in the local Lambda. */
class ManagedJavaIT {
    static final byte[] EVENT = "{\"n\":1000,\"d\":2,\"k\":3}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void java25WithAnAwsHandlerRunsOnAwsRuntimeClient() throws Exception {
        List<Path> all = TestJars.kmeans(dir);
        PackagedFunctions.Outcome outcome = PackagedFunctions.pack(PackageRequest.builder()
                .jars(all.subList(0, 3))
                .target(Target.JAVA25)
                .handler("dev.coldbrew.examples.kmeans.KmeansAwsHandler::handleRequest")
                .functionName("kmeans-aws")
                .outputDir(dir.resolve("out")));
        assertThat(outcome.packed()).as(outcome.log()).isTrue();
        assertThat(PackagedFunctions.summaryValue(outcome.summary(), "target")).startsWith("java25 (aws-handler)");

        Path task = PackagedFunctions.unzip(dir.resolve("out/function.zip"), dir.resolve("task"));
        assertThat(task.resolve("bootstrap")).doesNotExist();
        assertThat(task.resolve(Launchers.EXEC_WRAPPER)).doesNotExist();
        assertThat(Files.list(task.resolve("lib"))).hasSize(3);
        assertThat(Files.readString(dir.resolve("out/template.yaml")))
                .contains("Runtime: java25")
                .doesNotContain("AWS_LAMBDA_EXEC_WRAPPER");

        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        LocalOptions options = LocalOptions.builder()
                .logSink(log::add)
                .awsRuntimeClasspath(PackagedFunctions.awsRuntimeClasspath())
                .build();
        try (LocalLambda lambda = LocalLambda.create(options)) {
            lambda.register(new FunctionConfig(
                    "kmeans-aws",
                    task,
                    RuntimeKind.JAVA25,
                    "dev.coldbrew.examples.kmeans.KmeansAwsHandler::handleRequest",
                    512,
                    Duration.ofSeconds(30),
                    FunctionConfig.UNRESERVED,
                    Map.of()));
            InvocationResult result = lambda.invoke("kmeans-aws", EVENT);
            assertThat(result.functionError()).as(result.log()).isNull();
            assertThat(result.payloadText()).startsWith("{\"centres\":[[");
        }
    }

    /**
     * The managed runtime starts {@code $AWS_LAMBDA_EXEC_WRAPPER} with the command line of its own runtime client
     * (docs runtimes-modify); the test's bootstrap does exactly that with this machine's JVM.
     */
    @Test
    void java21WithColdbrewsRuntimeUsesTheExecWrapper() throws Exception {
        PackagedFunctions.Outcome outcome = PackagedFunctions.pack(PackageRequest.builder()
                .jars(TestJars.kmeans(dir))
                .target(Target.JAVA21)
                .mainClass("dev.coldbrew.examples.kmeans.KmeansFunction")
                .functionName("kmeans-wrapped")
                .outputDir(dir.resolve("out")));
        assertThat(outcome.packed()).as(outcome.log()).isTrue();
        assertThat(PackagedFunctions.summaryValue(outcome.summary(), "target")).startsWith("java21 (exec-wrapper)");
        assertThat(Files.readString(dir.resolve("out/template.yaml")))
                .contains("Runtime: java21")
                .contains("AWS_LAMBDA_EXEC_WRAPPER: '/var/task/coldbrew-wrapper'");

        Path task = PackagedFunctions.unzip(dir.resolve("out/function.zip"), dir.resolve("task"));
        assertThat(task.resolve(Launchers.EXEC_WRAPPER)).isExecutable();
        assertThat(task.resolve(Launchers.RUNTIME_DIR)).doesNotExist();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path bootstrap = task.resolve("bootstrap");
        Files.writeString(
                bootstrap,
                "#!/bin/sh\nexec \"${0%/*}/" + Launchers.EXEC_WRAPPER + "\" '" + java
                        + "' -XX:TieredStopAtLevel=1 -cp /var/runtime/lib/aws-lambda-java-runtime-interface-client.jar"
                        + " com.amazonaws.services.lambda.runtime.api.client.AWSLambda \"$_HANDLER\"\n");
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));

        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(PackagedFunctions.provided(
                    "kmeans-wrapped", task, "dev.coldbrew.examples.kmeans.KmeansFunction", Map.of()));
            InvocationResult result = lambda.invoke("kmeans-wrapped", EVENT);
            assertThat(result.functionError()).as(result.log()).isNull();
            assertThat(result.payloadText()).startsWith("{\"centres\":[[");
            assertThat(result.report().initDurationMs()).isPresent();
        }
    }
}
