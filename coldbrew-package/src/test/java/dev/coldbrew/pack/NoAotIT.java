package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --no-aot: no training run, and the jlink'd runtime keeps the JDK's default CDS archive instead. */
class NoAotIT {
    @TempDir
    Path dir;

    @Test
    void withoutAnAotCacheTheRuntimeHasTheDefaultCdsArchiveAndStillRuns() throws Exception {
        PackagedFunctions.Outcome outcome = PackagedFunctions.pack(PackageRequest.builder()
                .jars(TestJars.hello(dir))
                .mainClass("dev.coldbrew.examples.hello.Hello")
                .aotCache(false)
                .jvmFlags(List.of("-XX:+UseSerialGC", "-Xshare:on"))
                .outputDir(dir.resolve("out")));
        assertThat(outcome.packed()).as(outcome.log()).isTrue();
        assertThat(PackagedFunctions.summaryValue(outcome.summary(), "target")).startsWith("provided.al2023 (jvm)");
        assertThat(outcome.summary()).doesNotContain("AOT cache:");

        Path task = PackagedFunctions.unzip(dir.resolve("out/function.zip"), dir.resolve("var/task"));
        assertThat(task.resolve("coldbrew.aot")).doesNotExist();
        assertThat(task.resolve("runtime/lib/server/classes.jsa")).isNotEmptyFile();
        assertThat(Files.readString(task.resolve("bootstrap"))).contains("-XX:+UseSerialGC -Xshare:on");
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(PackagedFunctions.provided("hello", task, "hello", Map.of()));
            // -Xshare:on: the JVM refuses to start without a usable CDS archive.
            InvocationResult result = lambda.invoke("hello", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(result.payloadText()).as(result.log()).contains("Hello from coldbrew");
        }
    }
}
