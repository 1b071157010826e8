package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.testing.TestFunctions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

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

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        lambda.register(TestFunctions.streamer(dir.resolve("streamer"), "streamer"));
        server = lambda.serve(new InetSocketAddress("127.0.0.1", 0));
        sdk = LambdaClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void stop() {
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

    private InvokeResponse invoke(String event) {
        return sdk.invoke(b -> b.functionName("streamer").payload(SdkBytes.fromUtf8String("\"" + event + "\"")));
    }
}
