package dev.coldbrew.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a function is tested in-process: the real runtime on a thread, against the fake Runtime API. */
class HelloTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @Test
    void answersWithItsGreetingAndTheRequestId() throws Exception {
        CompletableFuture<ExitStatus> stopped =
                CompletableFuture.supplyAsync(() -> LambdaRuntime.run(api.environment(), new Hello()));
        String id = api.enqueue(Event.of("{\"name\":\"Ada\"}").withRequestId("req-42"));
        assertThat(api.awaitResponse(id).bodyAsString())
                .isEqualTo("{\"message\":\"Hello from coldbrew\",\"requestId\":\"req-42\",\"bytes\":14}");
        api.close();
        assertThat(stopped.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
    }
}
