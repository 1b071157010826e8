package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.nativeimage.NativeImageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --native} for real: no GraalVM is installed here (PATH has no native-image), so coldbrew-native builds
 * the executable with GraalVM's builder from Maven Central. The zip holds the executable as {@code bootstrap} and
 * the shared libraries it links in {@code native-lib/}, and runs in the local Lambda unpacked to a new folder.
 */
// The first test to need an image builds it (about two minutes on two idle cores, several times that on a busy
// machine), inside that test's time limit.
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class NativeImageIT {
    @TempDir
    Path dir;

    @Test
    void aHandlerPackagedNativelyRunsInTheLocalLambdaWithItsLibrariesBesideIt() throws Exception {
        PackagedFunctions.Outcome outcome = PackagedFunctions.pack(
                PackageRequest.builder()
                        .jars(TestJars.hello(dir))
                        .nativeImage(true)
                        .handler("dev.coldbrew.examples.hello.Hello")
                        .functionName("hello-native")
                        .outputDir(dir.resolve("out")),
                Map.of("PATH", "/usr/bin:/bin"));
        String summary = outcome.summary();
        assertThat(outcome.packed()).as(outcome.log()).isTrue();
        assertThat(PackagedFunctions.summaryValue(summary, "target")).isEqualTo("provided.al2023 (native), x86_64");
        assertThat(PackagedFunctions.summaryValue(summary, "native"))
                .startsWith("bootstrap ")
                .contains("native-lib/", "libjvm.so", "libjava.so", "libnio.so", "libnet.so", "libzip.so")
                .contains("GraalVM builder");

        Path task = PackagedFunctions.unzip(dir.resolve("out/function.zip"), dir.resolve("task"));
        assertThat(task.resolve("bootstrap")).isExecutable();
        assertThat(task.resolve(NativeImageResult.LIBRARY_DIR).resolve("libjvm.so"))
                .isRegularFile();
        assertThat(task.resolve("lib")).doesNotExist();
        assertThat(task.resolve("runtime")).doesNotExist();
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        InvocationResult result;
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(
                    PackagedFunctions.provided("hello-native", task, "dev.coldbrew.examples.hello.Hello", Map.of()));
            result = lambda.invoke("hello-native", "{}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(result.payloadText()).as(result.log()).contains("Hello from coldbrew");
    }
}
