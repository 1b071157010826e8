package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.config.SamTemplate;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.layout.Launchers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * The package's own template, run by the local Lambda as Lambda runs it: the managed java21 runtime starts
     * {@code $AWS_LAMBDA_EXEC_WRAPPER} ({@code /var/task/coldbrew-wrapper}) with the command line of AWS's runtime
     * client, and the wrapper runs coldbrew's runtime on that JVM.
     */
    @Test
    void java21WithColdbrewsRuntimeRunsThroughTheExecWrapperFromItsTemplate() throws Exception {
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

        List<FunctionConfig> functions = SamTemplate.load(dir.resolve("out/template.yaml"));
        assertThat(functions).singleElement().satisfies(f -> {
            assertThat(f.runtime()).isEqualTo(RuntimeKind.JAVA21);
            assertThat(f.environment()).containsEntry("AWS_LAMBDA_EXEC_WRAPPER", "/var/task/coldbrew-wrapper");
        });
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        LocalOptions options = LocalOptions.builder()
                .logSink(log::add)
                .awsRuntimeClasspath(PackagedFunctions.awsRuntimeClasspath())
                .build();
        try (LocalLambda lambda = LocalLambda.create(options)) {
            lambda.register(functions.getFirst());
            InvocationResult result = lambda.invoke(functions.getFirst().name(), EVENT);
            assertThat(result.functionError()).as(result.log()).isNull();
            assertThat(result.payloadText()).startsWith("{\"centres\":[[");
            assertThat(result.report().initDurationMs()).isPresent();
        }
        assertThat(log)
                .as("coldbrew's runtime answered, not AWS's client")
                .noneMatch(line -> line.contains("AWSLambda") || line.contains("ClassNotFoundException"));
    }
}
