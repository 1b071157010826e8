package dev.coldbrew.gorpc.runtime;

import static dev.coldbrew.gorpc.runtime.InProcessGoRuntime.TIMEOUT;
import static dev.coldbrew.gorpc.runtime.InProcessGoRuntime.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeError;
import dev.coldbrew.gorpc.lambda.StackFrame;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A handler error keeps the same stack frames over go1.x as over the Runtime API: the handler's only, none of
 * coldbrew's go1.x server, its thread pool or the Runtime API loop.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GoRpcStackFramesIT {
    private static final String HANDLER = GoRpcTestHandler.class.getName();

    @Test
    void aHandlerErrorCarriesOnlyTheHandlersFramesAsOnTheRuntimeApi() throws Exception {
        InvokeError go1x;
        try (InProcessGoRuntime runtime =
                        InProcessGoRuntime.start(Map.of(), env -> LambdaRuntime.run(env, new GoRpcTestHandler()));
                GoRpcFunctionClient client = runtime.connect()) {
            go1x = client.invoke(request("fail-nested", "r-frames"), TIMEOUT).error();
        }
        assertThat(go1x.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(go1x.stackTrace())
                .extracting(StackFrame::label)
                .containsExactly(HANDLER + ".failure", HANDLER + ".handle");
        assertThat(go1x.stackTrace()).allSatisfy(frame -> {
            assertThat(frame.path()).isEqualTo("GoRpcTestHandler.java");
            assertThat(frame.line()).isPositive();
        });

        assertThat(runtimeApiStackTrace("fail-nested"))
                .containsExactlyElementsOf(go1x.stackTrace().stream()
                        .map(frame -> frame.label() + "(" + frame.path() + ":" + frame.line() + ")")
                        .toList());
    }

    /** The {@code stackTrace} the same handler reports for {@code payload} over the Runtime API. */
    private static List<String> runtimeApiStackTrace(String payload) throws Exception {
        FakeRuntimeApi api = FakeRuntimeApi.start();
        CompletableFuture<ExitStatus> function;
        List<String> trace;
        try {
            function =
                    CompletableFuture.supplyAsync(() -> LambdaRuntime.run(api.environment(), new GoRpcTestHandler()));
            trace = api.awaitError(api.enqueue(Event.of(payload)))
                    .errorRequest()
                    .stackTrace();
        } finally {
            api.close(); // the runtime sees its connection end and returns
        }
        assertThat(function.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
        return trace;
    }
}
