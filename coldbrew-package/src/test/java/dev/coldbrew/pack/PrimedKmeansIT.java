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

/**
 * examples/kmeans packaged with {@code --prime} (its training events reused as priming events) and run unzipped in
 * the local Lambda: the runtime primes during Init, before the first real event.
 */
class PrimedKmeansIT {
    @TempDir
    static Path dir;

    static PackagedFunctions.Outcome packaged;
    static Path zip;

    @BeforeAll
    static void pack() throws Exception {
        Path output = dir.resolve("out");
        Path events = PackagedFunctions.events(
                dir.resolve("events"), "{\"n\":2000,\"d\":2,\"k\":5}", "{\"n\":500,\"d\":3,\"k\":4,\"seed\":7}");
        packaged = PackagedFunctions.pack(PackageRequest.builder()
                .jars(TestJars.kmeans(dir))
                .reachableModules(true)
                .mainClass(KmeansProvidedIT.MAIN)
                .functionName("kmeans")
                .eventsDir(events)
                .prime(true)
                .outputDir(output)
                .trainingRounds(1));
        assertThat(packaged.packed()).as(packaged.log()).isTrue();
        zip = output.resolve("function.zip");
    }

    @Test
    void verificationSawTheFunctionPrime() {
        assertThat(PackagedFunctions.summaryValue(packaged.summary(), "verified"))
                .startsWith("ok: response")
                .contains("AOT cache in use")
                .containsPattern("primed: \\d+ invocations in \\d+ rounds");
        assertThat(packaged.log()).contains("priming: 2 event(s) from " + dir.resolve("events") + " into priming/");
    }

    @Test
    void theZipHoldsTheEventsAndTheBootstrapNamesThem() throws Exception {
        Path task = PackagedFunctions.unzip(zip, dir.resolve("contents/var/task"));
        assertThat(Files.readString(task.resolve("priming/1.json"))).isEqualTo("{\"n\":2000,\"d\":2,\"k\":5}");
        assertThat(task.resolve("priming/2.json")).exists();
        assertThat(Files.readString(task.resolve("bootstrap")))
                .contains("export COLDBREW_PRIMING=\"${COLDBREW_PRIMING:-priming}\"");
    }

    @Test
    void primesDuringInitThenServesTheFirstEvent() throws Exception {
        Path task = PackagedFunctions.unzip(zip, dir.resolve("lambda/var/task"));
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(PackagedFunctions.provided(
                    "kmeans", task, KmeansProvidedIT.MAIN, Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on")));
            InvocationResult first =
                    lambda.invoke("kmeans", "{\"n\":1000,\"d\":2,\"k\":3}".getBytes(StandardCharsets.UTF_8));
            assertThat(first.functionError()).as(first.log()).isNull();
            assertThat(first.payloadText()).startsWith("{\"centres\":[[");
            assertThat(first.report().initDurationMs()).isPresent();
            assertThat(log).anyMatch(line -> line.contains("coldbrew-runtime: primed: "));
        }
    }

    @Test
    void theEnvironmentCanSwitchPrimingOff() throws Exception {
        Path task = PackagedFunctions.unzip(zip, dir.resolve("off/var/task"));
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(PackagedFunctions.provided(
                    "kmeans", task, KmeansProvidedIT.MAIN, Map.of("COLDBREW_PRIMING", "off")));
            InvocationResult first =
                    lambda.invoke("kmeans", "{\"n\":100,\"d\":2,\"k\":3}".getBytes(StandardCharsets.UTF_8));
            assertThat(first.functionError()).as(first.log()).isNull();
            assertThat(log).noneMatch(line -> line.contains("coldbrew-runtime: primed: "));
        }
    }
}
