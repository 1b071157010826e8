package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.testing.SdkClients;
import dev.coldbrew.local.testing.TestFunctions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * A function that streams its response with coldbrew's runtime ({@code LambdaRuntime.runStreaming}, a real peer of
 * the Runtime API: chunked {@code /response}, error trailers) invoked through the Invoke API by the AWS SDK.
 */
class ResponseStreamingIT {

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;
    HttpInvokeServer server;
    LambdaClient sdk;
    LambdaAsyncClient async;

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        lambda.register(TestFunctions.streamer(dir.resolve("streamer"), "streamer"));
        lambda.register(
                TestFunctions.streamer(dir.resolve("short"), "short").withTimeout(java.time.Duration.ofSeconds(10)));
        server = lambda.serve(new InetSocketAddress("127.0.0.1", 0));
        sdk = SdkClients.lambda(server.endpoint());
        async = SdkClients.lambdaAsync(server.endpoint());
    }

    @AfterEach
    void stop() {
        async.close();
        sdk.close();
        lambda.close();
    }

    @Test
    void aBufferedInvokeGetsTheWholeStreamedResponse() {
        InvokeResponse response = invoke("pause");

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("firstsecond");
    }

    @Test
    void anErrorAfterTheFirstBytesReachesABufferedCallerAsTheFunctionsError() {
        InvokeResponse failed = invoke("fail");

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payload().asUtf8String())
                .contains("\"errorMessage\":\"lost the upstream\"")
                .contains("\"errorType\":\"java.lang.IllegalStateException\"")
                .doesNotContain("partial");
        assertThat(lines).noneMatch(line -> line.contains("TruncatedResponse"));
        InvokeResponse next = invoke("again");
        assertThat(next.payload().asUtf8String()).isEqualTo("again");
    }

    @Test
    void payloadChunksReachTheCallerAsTheFunctionWritesThemThenInvokeComplete() throws Exception {
        invokeWithResponseStream("warm", false); // the cold start, so that the figures below are a warm invoke's
        Streamed streamed = invokeWithResponseStream("pause", false);

        assertThat(streamed.response.statusCode()).isEqualTo(200);
        assertThat(streamed.response.responseMetadata().requestId())
                .as("x-amzn-RequestId, as on every Invoke API reply")
                .matches("[0-9a-f-]{36}");
        assertThat(streamed.response.executedVersion()).isEqualTo("$LATEST");
        assertThat(streamed.response.responseStreamContentType()).isEqualTo("application/octet-stream");
        assertThat(streamed.chunks).containsExactly("first", "second");
        assertThat(streamed.complete).hasSize(1);
        assertThat(streamed.complete.get(0).errorCode()).isNull();
        assertThat(streamed.complete.get(0).logResult()).isNull();
        System.out.printf(
                "InvokeWithResponseStream, write/500 ms/write: first byte %.1f ms, complete %.1f ms%n",
                streamed.firstChunkMs, streamed.completeMs);
    }

    @Test
    void anErrorAfterTheFirstBytesEndsTheStreamWithInvokeCompleteCarryingIt() throws Exception {
        Streamed streamed = invokeWithResponseStream("fail", true);

        assertThat(streamed.chunks).containsExactly("partial");
        assertThat(streamed.complete).hasSize(1);
        InvokeWithResponseStreamCompleteEvent complete = streamed.complete.get(0);
        assertThat(complete.errorCode()).isEqualTo("java.lang.IllegalStateException");
        assertThat(complete.errorDetails()).isEqualTo("lost the upstream");
        assertThat(new String(Base64.getDecoder().decode(complete.logResult()), StandardCharsets.UTF_8))
                .contains("START RequestId: ")
                .contains("REPORT RequestId: ");
    }

    @Test
    void aTimeoutAfterTheFirstBytesEndsTheStreamWithSandboxTimedout() throws Exception {
        Streamed streamed = invokeWithResponseStream("short", "hang", false);

        assertThat(streamed.chunks).containsExactly("first");
        assertThat(streamed.complete.get(0).errorCode()).isEqualTo("Sandbox.Timedout");
        assertThat(streamed.complete.get(0).errorDetails()).endsWith("Task timed out after 10.00 seconds");
    }

    @Test
    void aStreamOverSixMegabytesIsDeliveredWhereABufferedInvokeIsTooLarge() throws Exception {
        int size = 7 * 1024 * 1024;
        Streamed streamed = invokeWithResponseStream("bytes " + size, false);

        assertThat(streamed.chunks.stream().mapToInt(String::length).sum()).isEqualTo(size);
        assertThat(streamed.complete.get(0).errorCode()).isNull();
        System.out.printf(
                "InvokeWithResponseStream, 7 MiB: first byte %.1f ms, complete %.1f ms%n",
                streamed.firstChunkMs, streamed.completeMs);
        InvokeResponse buffered = invoke("bytes " + size);
        assertThat(buffered.functionError()).isEqualTo("Unhandled");
        assertThat(buffered.payload().asUtf8String()).contains("Function.ResponseSizeTooLarge");
    }

    @Test
    void aFunctionNotFoundIsTheInvokeApisErrorNotAStream() {
        assertThatThrownBy(() -> async.invokeWithResponseStream(
                                b -> b.functionName("missing").payload(SdkBytes.fromUtf8String("{}")),
                                InvokeWithResponseStreamResponseHandler.builder()
                                        .subscriber(event -> {})
                                        .build())
                        .get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    /** What the async client received: the response, the chunks as text, InvokeComplete, and when (from the call). */
    static final class Streamed {
        InvokeWithResponseStreamResponse response;
        final List<String> chunks = new CopyOnWriteArrayList<>();
        final List<InvokeWithResponseStreamCompleteEvent> complete = new CopyOnWriteArrayList<>();
        volatile double firstChunkMs = -1;
        volatile double completeMs;
    }

    private Streamed invokeWithResponseStream(String event, boolean tail) throws Exception {
        return invokeWithResponseStream("streamer", event, tail);
    }

    private Streamed invokeWithResponseStream(String function, String event, boolean tail) throws Exception {
        Streamed streamed = new Streamed();
        long start = System.nanoTime();
        InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
                .onResponse(response -> streamed.response = response)
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk(chunk -> {
                            if (streamed.firstChunkMs < 0) {
                                streamed.firstChunkMs = (System.nanoTime() - start) / 1e6;
                            }
                            streamed.chunks.add(chunk.payload().asUtf8String());
                        })
                        .onInvokeComplete(complete -> {
                            streamed.completeMs = (System.nanoTime() - start) / 1e6;
                            streamed.complete.add(complete);
                        })
                        .build())
                .build();
        async.invokeWithResponseStream(
                        b -> b.functionName(function)
                                .payload(SdkBytes.fromUtf8String("\"" + event + "\""))
                                .logType(tail ? LogType.TAIL : LogType.NONE),
                        handler)
                .get(60, TimeUnit.SECONDS);
        return streamed;
    }

    private InvokeResponse invoke(String event) {
        return sdk.invoke(b -> b.functionName("streamer").payload(SdkBytes.fromUtf8String("\"" + event + "\"")));
    }
}
