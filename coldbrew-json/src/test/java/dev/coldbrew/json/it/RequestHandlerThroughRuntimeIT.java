package dev.coldbrew.json.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.json.Fixtures;
import dev.coldbrew.runtime.Main;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * coldbrew-json as the runtime uses it: the generic {@link Main} resolves a {@code RequestHandler<SQSEvent, …>}
 * from {@code _HANDLER}, finds this module's codec through {@code ServiceLoader}, and answers a real fake Runtime
 * API over loopback.
 */
class RequestHandlerThroughRuntimeIT {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @Test
    void anSqsBatchIsDecodedHandledAndTheRecordEncoded() throws Exception {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, SqsBatchHandler.class.getName() + "::handleRequest");
        Thread runtime = Thread.ofPlatform().name("runtime-under-test").start(() -> Main.run(env));
        try {
            String id = api.enqueue(Event.of(Fixtures.event("sqs.json")));

            assertThat(api.awaitResponse(id).bodyAsString())
                    .isEqualTo("{\"bodies\":[\"{\\\"orderId\\\":42,\\\"status\\\":\\\"paid\\\"}\",\"second message\"],"
                            + "\"messages\":2,\"queue\":\"arn:aws:sqs:eu-west-1:123456789012:orders\"}");
        } finally {
            api.close();
            runtime.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(runtime.isAlive()).isFalse();
    }

    @Test
    void anEventOfTheWrongShapeIsAFunctionErrorNamingTheType() throws Exception {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, SqsBatchHandler.class.getName());
        Thread runtime = Thread.ofPlatform().name("runtime-under-test").start(() -> Main.run(env));
        try {
            String id = api.enqueue(Event.of("[1,2,3]"));

            String error = api.awaitError(id).bodyAsString();
            assertThat(error).contains("com.amazonaws.services.lambda.runtime.events.SQSEvent");
        } finally {
            api.close();
            runtime.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(runtime.isAlive()).isFalse();
    }
}
