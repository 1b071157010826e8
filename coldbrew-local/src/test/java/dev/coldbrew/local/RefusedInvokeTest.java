package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.invokeapi.InvokeWire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invoke refused before the function runs gets the same error through the Java API ({@link LocalLambda#invoke})
 * as over the Invoke API: the status, the body and the exception name ({@code x-amzn-ErrorType}), e.g. 400
 * {@code InvalidParameterValueException} for a tenant id Lambda refuses. No environment starts for any of these.
 */
class RefusedInvokeTest {
    private static final byte[] PAYLOAD = "{}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    LocalLambda lambda;
    HttpInvokeServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Path code = Files.createDirectories(dir.resolve("code"));
        Path bootstrap = Files.writeString(code.resolve("bootstrap"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        lambda = LocalLambda.create(LocalOptions.builder()
                .cgroups(dir.resolve("no-cgroups"), "coldbrew")
                .logSink(line -> {})
                .build());
        lambda.register(
                FunctionConfig.of("isolated", code, RuntimeKind.PROVIDED, "h").withPerTenant(true));
        lambda.register(FunctionConfig.of("shared", code, RuntimeKind.PROVIDED, "h"));
        server = lambda.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        http.close();
        lambda.close();
    }

    @Test
    void aMissingTenantIdIsAnInvalidParameterOnBothPaths() throws Exception {
        assertSameError("isolated", null);
    }

    @Test
    void aTenantIdOnAFunctionWithoutTenantIsolationIsAnInvalidParameterOnBothPaths() throws Exception {
        assertSameError("shared", "blue");
    }

    @Test
    void aTenantIdNotOfLambdasFormIsAnInvalidParameterOnBothPaths() throws Exception {
        assertSameError("isolated", "no*stars");
    }

    @Test
    void anUnknownFunctionIsAResourceNotFoundOnBothPaths() throws Exception {
        InvocationResult direct = lambda.invoke("nowhere", PAYLOAD, null, null);
        HttpResponse<String> wire = overHttp("nowhere", null);

        assertThat(direct.statusCode()).isEqualTo(404);
        assertThat(direct.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(wire.statusCode()).isEqualTo(404);
        assertThat(wire.headers().firstValue("x-amzn-ErrorType")).hasValue(direct.errorType());
    }

    @Test
    void aPayloadOverSixMegabytesIsARequestTooLargeOnBothPaths() throws Exception {
        byte[] large = new byte[7 * 1024 * 1024];
        InvocationResult direct = lambda.invoke("shared", large, null, null);
        HttpResponse<String> wire = overHttp("shared", null, large);

        assertThat(direct.statusCode()).isEqualTo(413);
        assertThat(direct.errorType()).isEqualTo("RequestTooLargeException");
        assertThat(wire.statusCode()).isEqualTo(413);
        assertThat(wire.headers().firstValue("x-amzn-ErrorType")).hasValue(direct.errorType());
    }

    private void assertSameError(String function, String tenantId) throws Exception {
        InvocationResult direct = lambda.invoke(function, PAYLOAD, null, tenantId);
        HttpResponse<String> wire = overHttp(function, tenantId);

        assertThat(direct.statusCode()).isEqualTo(400);
        assertThat(direct.errorType()).as(direct.payloadText()).isEqualTo("InvalidParameterValueException");
        assertThat(wire.statusCode()).isEqualTo(400);
        assertThat(wire.headers().firstValue("x-amzn-ErrorType")).hasValue(direct.errorType());
        assertThat(wire.body()).isEqualTo(direct.payloadText());
    }

    private HttpResponse<String> overHttp(String function, String tenantId) throws Exception {
        return overHttp(function, tenantId, PAYLOAD);
    }

    private HttpResponse<String> overHttp(String function, String tenantId, byte[] payload) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create("http://" + server.address().getHostString() + ":"
                                + server.address().getPort() + InvokeWire.invocationsPath(function)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (tenantId != null) {
            request.header("X-Amz-Tenant-Id", tenantId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
