package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The hello example as a native executable (explicit registration), against a real fake Runtime API. */
// The first test to need an image builds it (about two minutes on two idle cores, several times that on a busy
// machine), inside that test's time limit.
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class HelloNativeIT {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @TempDir
    Path logs;

    private ChildProcesses processes;

    @BeforeEach
    void start() {
        processes = new ChildProcesses(logs);
    }

    @AfterEach
    void stop() throws Exception {
        processes.close();
    }

    @Test
    void servesInvocationsAsOnTheJvmAndExitsWhenTheRuntimeApiGoesAway() throws Exception {
        Path hello = TestImages.hello();
        Process process = processes.start("hello", List.of(hello.toString()), api.environment());
        String id = api.enqueue(Event.of("{\"name\":\"Ada\"}").withTraceId("Root=1-abc"));
        assertThat(api.awaitResponse(id).bodyAsString())
                .isEqualTo("{\"message\":\"Hello from coldbrew\",\"requestId\":\"" + id + "\",\"bytes\":14}");
        String second = api.enqueue("");
        assertThat(api.awaitResponse(second).bodyAsString()).contains("\"bytes\":0");
        api.awaitNextCalls(3); // the runtime is back in its long poll: closing now ends that poll
        api.close();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(processes.err("hello")).isEqualTo(2);
        assertThat(processes.err("hello")).contains("coldbrew-runtime: stopping: GET " + RuntimeApi.NEXT_PATH);
        assertThat(processes.out("hello")).contains("[INFO] hello: 14 bytes for " + id);
    }

    @Test
    void hotSpotIsNeverMappedAndTheLibrariesComeFromBesideTheExecutable() throws Exception {
        Path hello = TestImages.hello();
        Process process = processes.start("hello", List.of(hello.toString()), api.environment());
        api.awaitNextCalls(1);
        List<String> mapped = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "maps")).stream()
                .filter(l -> l.endsWith(".so") || l.contains(".so."))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .distinct()
                .toList();
        Path libDir = hello.resolveSibling(NativeImageResult.LIBRARY_DIR);
        assertThat(mapped)
                .contains(
                        libDir.resolve("libjvm.so").toString(),
                        libDir.resolve("libjava.so").toString())
                .noneMatch(l -> l.contains("/server/libjvm.so"));
    }
}
