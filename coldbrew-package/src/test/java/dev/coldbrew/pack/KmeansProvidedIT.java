package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/kmeans (Apache Commons Math, org.json) packaged for provided.al2023 and run unzipped in the local Lambda. */
class KmeansProvidedIT {
    /** The size target for the kmeans package. */
    static final long TARGET_ZIP_BYTES = 25 * SizeLimits.MB;

    static final String MAIN = "dev.coldbrew.examples.kmeans.KmeansFunction";

    @TempDir
    static Path dir;

    static PackagedFunctions.Outcome packaged;
    static Path zip;

    @BeforeAll
    static void pack() throws Exception {
        Path output = dir.resolve("out");
        Path events = PackagedFunctions.events(
                dir.resolve("events"), "{\"n\":2000,\"d\":2,\"k\":5}", "{\"n\":500,\"d\":3,\"k\":4,\"seed\":7}");
        // Whole jars would need java.desktop (one commons-math3 geometry class uses java.awt.geom); the classes
        // reachable from the function, org.json's included, need java.base only.
        packaged = PackagedFunctions.pack(PackageRequest.builder()
                .jars(TestJars.kmeans(dir))
                .reachableModules(true)
                .mainClass(MAIN)
                .functionName("kmeans")
                .eventsDir(events)
                .outputDir(output)
                .trainingRounds(2));
        assertThat(packaged.packed()).as(packaged.log()).isTrue();
        zip = output.resolve("function.zip");
    }

    @Test
    void reachableClassesNeedOnlyJavaBase() {
        assertThat(PackagedFunctions.summaryValue(packaged.summary(), "modules"))
                .isEqualTo("java.base");
    }

    @Test
    void theZipMeetsTheSizeTarget() throws Exception {
        assertThat(Files.size(zip)).isLessThanOrEqualTo(TARGET_ZIP_BYTES);
        assertThat(PackagedFunctions.summaryValue(packaged.summary(), "zip size"))
                .contains(Long.toString(Files.size(zip)));
    }

    @Test
    void clustersAndReportsFunctionErrorsWithoutLosingTheEnvironment() throws Exception {
        Path task = PackagedFunctions.unzip(zip, dir.resolve("lambda/var/task"));
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(
                    PackagedFunctions.provided("kmeans", task, MAIN, Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on")));
            InvocationResult ok = invoke(lambda, "{\"n\":1000,\"d\":2,\"k\":3}");
            assertThat(ok.functionError()).as(ok.log()).isNull();
            assertThat(ok.payloadText()).startsWith("{\"centres\":[[").contains("\"iterations\":");
            assertThat(ok.report().initDurationMs()).isPresent();

            InvocationResult bad = invoke(lambda, "{\"n\":2,\"d\":2,\"k\":5}");
            assertThat(bad.statusCode()).isEqualTo(200);
            assertThat(bad.functionError()).isEqualTo(InvocationResult.UNHANDLED);
            assertThat(bad.payloadText()).contains("errorType").contains("k (5) must not exceed n (2)");
            assertThat(bad.report().initDurationMs())
                    .as("same environment, no new init")
                    .isEmpty();
            assertThat(bad.log()).contains("REPORT RequestId: " + bad.requestId());

            InvocationResult again = invoke(lambda, "{\"n\":100,\"d\":1,\"k\":2}");
            assertThat(again.functionError()).isNull();
            assertThat(again.report().initDurationMs()).isEmpty();
        }
    }

    private static InvocationResult invoke(LocalLambda lambda, String event) {
        return lambda.invoke("kmeans", event.getBytes(StandardCharsets.UTF_8));
    }
}
