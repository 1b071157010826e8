package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.isolation.EnvironmentUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** examples/hello packaged for provided.al2023 once (jlink + AOT training), then run as Lambda runs it. */
class HelloProvidedIT {
    @TempDir
    static Path dir;

    /** True where the local Lambda runs environments as users of their own (root): the packaged code allows it. */
    static final boolean OWN_USERS = EnvironmentUsers.detect(false).available();

    static PackagedFunctions.Outcome packaged;
    static Path output;

    @BeforeAll
    static void pack() throws Exception {
        output = dir.resolve("out");
        Path events = PackagedFunctions.events(dir.resolve("events"), "{\"name\":\"a\"}", "[1,2,3]");
        packaged = PackagedFunctions.pack(PackageRequest.builder()
                .jars(TestJars.hello(dir))
                .mainClass("dev.coldbrew.examples.hello.Hello")
                .functionName("hello")
                .eventsDir(events)
                .outputDir(output)
                .memoryMb(256)
                .timeoutSeconds(10));
        assertThat(packaged.packed()).as(packaged.log()).isTrue();
    }

    @Test
    void summaryNamesSizesModulesAndTheCache() {
        String summary = packaged.summary();
        assertThat(PackagedFunctions.summaryValue(summary, "target")).isEqualTo("provided.al2023 (jvm+aot), x86_64");
        assertThat(PackagedFunctions.summaryValue(summary, "modules")).isEqualTo("java.base");
        assertThat(PackagedFunctions.summaryValue(summary, "AOT cache")).contains("(6 training invocations)");
        assertThat(PackagedFunctions.summaryValue(summary, "verified")).contains("AOT cache in use");
        assertThat(summary).contains("an arm64 package must be built on an arm64 machine");
    }

    /** The training and the check pass their JVM flags in JAVA_TOOL_OPTIONS; the JVM's notice of it is not shown. */
    @Test
    void buildOutputHoldsNoJvmNoticesAboutTheTrainingFlags() {
        assertThat(packaged.log())
                .contains("AOT training run: ")
                .doesNotContain("Picked up JAVA_TOOL_OPTIONS")
                .doesNotContain("AOTConfiguration recorded")
                .doesNotContain("][warning][aot]");
    }

    @Test
    void zipHoldsAnExecutableBootstrapTheRuntimeTheJarsAndTheCache() throws Exception {
        Path task = PackagedFunctions.unzip(output.resolve("function.zip"), dir.resolve("layout/var/task"));
        assertThat(task.resolve("bootstrap")).isExecutable();
        assertThat(task.resolve("runtime/bin/java")).isExecutable();
        assertThat(task.resolve("coldbrew.aot")).isNotEmptyFile();
        assertThat(task.resolve("lib/coldbrew-runtime-api.jar").toFile().exists()
                        || Files.list(task.resolve("lib"))
                                .anyMatch(p -> p.toString().contains("runtime-api")))
                .isTrue();
        assertThat(Files.readString(task.resolve("bootstrap")))
                .startsWith("#!/bin/sh\n")
                .contains("exec ./runtime/bin/java -XX:+UseSerialGC")
                .contains("dev.coldbrew.examples.hello.Hello");
    }

    @Test
    void runsUnzippedInAnotherFolderWithTheAotCacheRequired() throws Exception {
        // readable by any user, so that a local Lambda running as root runs it as a user of its own
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path task = PackagedFunctions.unzip(output.resolve("function.zip"), dir.resolve("elsewhere/var/task"));
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            // AOTMode=on: the JVM exits with an error instead of starting without a usable cache.
            lambda.register(PackagedFunctions.provided(
                    "hello",
                    task,
                    "dev.coldbrew.examples.hello.Hello",
                    Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on -Xlog:class+load=info")));
            assertThat(lambda.runsAsOwnUsers("hello")).as(log.toString()).isEqualTo(OWN_USERS);
            InvocationResult cold = lambda.invoke("hello", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(cold.functionError()).as(cold.log()).isNull();
            assertThat(cold.payloadText())
                    .contains("\"message\":\"Hello from coldbrew\"")
                    .contains("\"bytes\":7");
            assertThat(cold.report().initDurationMs()).isPresent();
            // The whole log comes from the sink: an invocation's own log keeps only its last 4 KB.
            assertThat(String.join("\n", log))
                    .contains("dev.coldbrew.examples.hello.Hello source: shared objects file")
                    .containsPattern("REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\t"
                            + "Memory Size: 512 MB\tMax Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms\t");

            InvocationResult warm = lambda.invoke("hello", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(warm.payloadText()).contains("\"bytes\":2");
            assertThat(warm.report().initDurationMs()).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSamTemplateRunsTheSameZipInTheLocalLambda() throws Exception {
        Path template = output.resolve("template.yaml");
        Map<String, Object> doc = new Yaml().load(Files.readString(template));
        Map<String, Object> resources = (Map<String, Object>) doc.get("Resources");
        assertThat(resources).containsOnlyKeys("Hello");
        Map<String, Object> props =
                (Map<String, Object>) ((Map<String, Object>) resources.get("Hello")).get("Properties");
        assertThat(props.get("Architectures")).isEqualTo(List.of("x86_64"));
        FunctionConfig function = new FunctionConfig(
                "Hello",
                template.getParent().resolve((String) props.get("CodeUri")),
                RuntimeKind.parse((String) props.get("Runtime")),
                (String) props.get("Handler"),
                (Integer) props.get("MemorySize"),
                Duration.ofSeconds((Integer) props.get("Timeout")),
                FunctionConfig.UNRESERVED,
                Map.of());
        assertThat(function.memoryMb()).isEqualTo(256);
        assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(10));
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(function);
            assertThat(lambda.runsAsOwnUsers("Hello")).as(log.toString()).isEqualTo(OWN_USERS);
            InvocationResult result = lambda.invoke("Hello", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.payloadText()).as(result.log()).contains("Hello from coldbrew");
            assertThat(result.report().memorySizeMb()).isEqualTo(256);
        }
    }

    @Test
    void theZipIsReproducibleEntryTimesAreFixed() throws Exception {
        try (FileSystem fs = FileSystems.newFileSystem(output.resolve("function.zip"))) {
            assertThat(Files.getLastModifiedTime(fs.getPath("/bootstrap")).toMillis())
                    .isEqualTo(946_684_800_000L);
        }
    }
}
