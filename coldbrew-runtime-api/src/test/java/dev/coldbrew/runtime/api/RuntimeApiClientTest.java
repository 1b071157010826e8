package dev.coldbrew.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.runtime.api.http.HttpException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuntimeApiClientTest {
    private static final String OK_202 = "HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}";
    private static final String NEXT_HEADERS =
            "Lambda-Runtime-Aws-Request-Id: req-1\r\n" + "Lambda-Runtime-Deadline-Ms: 1700000000123\r\n";

    private ScriptedServer server;
    private RuntimeApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = new RuntimeApiClient(server.address());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void nextReadsEveryMetadataHeaderAndTheBody() throws Exception {
        server.reply(
                200,
                NEXT_HEADERS
                        + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123:function:f\r\n"
                        + "lambda-runtime-trace-id: Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1\r\n"
                        + "Lambda-Runtime-Client-Context: {\"custom\":{}}\r\n"
                        + "Lambda-Runtime-Cognito-Identity: {\"cognitoIdentityId\":\"id\"}\r\n"
                        + "Lambda-Runtime-Aws-Tenant-Id: tenant-7\r\n"
                        + "Content-Type: application/json\r\n",
                "{\"x\":1}");

        NextInvocation next = client.next();

        assertThat(next.requestId()).isEqualTo("req-1");
        assertThat(next.deadlineMs()).isEqualTo(1700000000123L);
        assertThat(next.invokedFunctionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123:function:f");
        assertThat(next.traceId()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        assertThat(next.clientContext()).isEqualTo("{\"custom\":{}}");
        assertThat(next.cognitoIdentity()).isEqualTo("{\"cognitoIdentityId\":\"id\"}");
        assertThat(next.tenantId()).isEqualTo("tenant-7");
        assertThat(next.contentType()).isEqualTo("application/json");
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
        ScriptedServer.Recorded request = server.take();
        assertThat(request.requestLine()).isEqualTo("GET /2018-06-01/runtime/invocation/next HTTP/1.1");
        assertThat(request.header("Host")).isEqualTo(server.address().toString());
        assertThat(request.header("User-Agent")).isEqualTo(RuntimeApi.USER_AGENT);
    }

    @Test
    void nextWithoutOptionalHeadersLeavesThemNull() throws Exception {
        server.reply(200, NEXT_HEADERS, "");
        NextInvocation next = client.next();
        assertThat(next.invokedFunctionArn()).isNull();
        assertThat(next.traceId()).isNull();
        assertThat(next.tenantId()).isNull();
        assertThat(next.body()).isEmpty();
    }

    @Test
    void nextWithoutRequestIdFailsNamingTheHeader() {
        server.reply(200, "Lambda-Runtime-Deadline-Ms: 1\r\n", "{}");
        assertThatThrownBy(client::next)
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("Lambda-Runtime-Aws-Request-Id is missing");
    }

    @Test
    void nextWithAPathBreakingRequestIdFailsNamingTheValue() {
        server.reply(200, "Lambda-Runtime-Aws-Request-Id: ../x\r\nLambda-Runtime-Deadline-Ms: 1\r\n", "");
        assertThatThrownBy(client::next).hasMessageContaining("'../x'");
    }

    @Test
    void nextWithMalformedDeadlineFailsNamingValueAndRequest() {
        server.reply(200, "Lambda-Runtime-Aws-Request-Id: req-9\r\nLambda-Runtime-Deadline-Ms: soon\r\n", "");
        assertThatThrownBy(client::next)
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("Lambda-Runtime-Deadline-Ms is 'soon'")
                .satisfies(
                        e -> assertThat(((RuntimeApiException) e).requestId()).isEqualTo("req-9"));
    }

    @Test
    void nextWithoutDeadlineFails() {
        server.reply(200, "Lambda-Runtime-Aws-Request-Id: req-9\r\n", "");
        assertThatThrownBy(client::next).hasMessageContaining("Lambda-Runtime-Deadline-Ms is missing");
    }

    @Test
    void bodyCutOffMidwayIsAnErrorNotAnEvent() {
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Content-Length: 10\r\n\r\nabcd", true);
        assertThatThrownBy(client::next)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("GET /2018-06-01/runtime/invocation/next to 127.0.0.1:")
                .hasMessageContaining("after 4 of 10 bytes");
    }

    @Test
    void nextBodyOverTheRequestLimitIsRejectedNamingTheLength() {
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Content-Length: 100000000\r\n\r\nabcd", true);
        assertThatThrownBy(client::next)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("GET /2018-06-01/runtime/invocation/next to 127.0.0.1:")
                .hasMessageContaining("Content-Length 100000000 exceeds " + RuntimeApiClient.MAX_NEXT_BODY_BYTES);
    }

    @Test
    void chunkedNextBodyOverTheRequestLimitIsRejectedNamingTheLength() {
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Transfer-Encoding: chunked\r\n\r\n7000000\r\nab", true);
        assertThatThrownBy(client::next)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("chunked body of at least " + 0x7000000 + " bytes exceeds "
                        + RuntimeApiClient.MAX_NEXT_BODY_BYTES);
    }

    @Test
    void aClaimedContentLengthIsNotAllocatedBeforeTheBytesArrive() {
        int claimed = RuntimeApiClient.MAX_NEXT_BODY_BYTES;
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Content-Length: " + claimed + "\r\n\r\nabcd", true);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(client::next)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("after 4 of " + claimed + " bytes");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(claimed / 4);
    }

    @Test
    void aPostReplyBodyLongerThanLambdaEverSendsIsRejectedFromItsContentLength() {
        int claimed = 200 * 1024 * 1024;
        server.reply("HTTP/1.1 202 Accepted\r\nContent-Length: " + claimed + "\r\n\r\nabcd", true);
        assertThatThrownBy(() -> client.postResponse("req-1", null, new byte[1]))
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("POST /2018-06-01/runtime/invocation/req-1/response to 127.0.0.1:")
                .hasMessageContaining(
                        "Content-Length " + claimed + " exceeds " + RuntimeApiClient.MAX_REPLY_BODY_BYTES + " bytes");
    }

    @Test
    void aPostReplyBodyUntilCloseIsBoundedToo() {
        server.reply("HTTP/1.1 202 Accepted\r\n\r\n" + "x".repeat(RuntimeApiClient.MAX_REPLY_BODY_BYTES + 1), true);
        assertThatThrownBy(() -> client.postError("req-1", "E", new ErrorRequest("m", "E", List.of())))
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("POST /2018-06-01/runtime/invocation/req-1/error")
                .hasMessageContaining("exceeds " + RuntimeApiClient.MAX_REPLY_BODY_BYTES + " bytes");
    }

    @Test
    void aStreamedResponseReplyBodyIsBoundedToo() throws Exception {
        server.reply("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n7000000\r\nab", true);
        StreamingResponse response = client.openStreamingResponse("req-1", null);
        response.write(new byte[] {'a'});
        assertThatThrownBy(response::finish)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("chunked body of at least " + 0x7000000 + " bytes exceeds "
                        + RuntimeApiClient.MAX_REPLY_BODY_BYTES + " bytes");
    }

    @Test
    void moreInterimRepliesThanThePeerHasReasonToSendAreAnError() {
        server.reply("HTTP/1.1 100 Continue\r\n\r\n".repeat(9) + OK_202, false);
        assertThatThrownBy(() -> client.postResponse("req-1", null, new byte[1]))
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("more than 8 interim replies, the last 'HTTP/1.1 100 Continue'");
    }

    @Test
    void aFewInterimRepliesAreSkipped() throws Exception {
        server.reply("HTTP/1.1 103 Early Hints\r\n\r\n".repeat(8) + OK_202, false);
        assertThat(client.postResponse("req-1", null, new byte[1]).status()).isEqualTo("OK");
    }

    @Test
    void headersCutOffMidwayAreAnError() {
        server.reply("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Req", true);
        assertThatThrownBy(client::next)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("closed in the header fields")
                .hasMessageContaining("'Lambda-Runtime-Aws-Req'");
    }

    @Test
    void connectionClosedWithoutAnyReplyIsAnError() {
        server.reply("", true);
        assertThatThrownBy(client::next)
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("before any reply byte");
    }

    @Test
    void malformedStatusLineIsAnError() {
        server.reply("HTTP/2 200\r\n\r\n", true);
        assertThatThrownBy(client::next).hasMessageContaining("malformed status line 'HTTP/2 200'");
    }

    @Test
    void lineWithoutCarriageReturnIsAnError() {
        server.reply("HTTP/1.1 200 OK\n\n", true);
        assertThatThrownBy(client::next).hasMessageContaining("line without CR");
    }

    @Test
    void malformedContentLengthIsAnError() {
        server.reply("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", true);
        assertThatThrownBy(client::next).hasMessageContaining("malformed Content-Length '-1'");
    }

    @Test
    void conflictingContentLengthsAreAnError() {
        server.reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc", true);
        assertThatThrownBy(client::next).hasMessageContaining("conflicting Content-Length fields '2' and '3'");
    }

    @Test
    void bothChunkedAndContentLengthAreAnError() {
        server.reply(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                true);
        assertThatThrownBy(client::next).hasMessageContaining("both Transfer-Encoding and Content-Length '3'");
    }

    @Test
    void unsupportedTransferEncodingIsAnError() {
        server.reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", true);
        assertThatThrownBy(client::next).hasMessageContaining("unsupported Transfer-Encoding 'gzip'");
    }

    @Test
    void interimRepliesAreSkipped() throws Exception {
        server.reply(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Content-Length: 1\r\n\r\nz",
                false);
        assertThat(client.next().body()).containsExactly('z');
    }

    @Test
    void headerFieldWithoutColonIsAnError() {
        server.reply("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", true);
        assertThatThrownBy(client::next).hasMessageContaining("malformed header field 'no colon here'");
    }

    @Test
    void http500IsARuntimeApiExceptionCarryingTheErrorResponse() {
        server.reply(500, "", "{\"errorMessage\":\"boom\",\"errorType\":\"InternalServerError\"}");
        assertThatThrownBy(client::next)
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("InternalServerError: boom")
                .satisfies(e -> {
                    RuntimeApiException r = (RuntimeApiException) e;
                    assertThat(r.status()).isEqualTo(500);
                    assertThat(r.errorResponse()).isEqualTo(new ErrorResponse("boom", "InternalServerError"));
                });
    }

    @Test
    void chunkedReplyBodyIsDecodedWithItsTrailers() throws Exception {
        server.reply(
                "HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Transfer-Encoding: chunked\r\n\r\n"
                        + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n",
                false);
        assertThat(new String(client.next().body(), StandardCharsets.UTF_8)).isEqualTo("abcde");
    }

    @Test
    void chunkedBodyCutOffIsAnError() {
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Transfer-Encoding: chunked\r\n\r\n5\r\nab", true);
        assertThatThrownBy(client::next).hasMessageContaining("in a chunk after 2 of 5 bytes");
    }

    @Test
    void malformedChunkSizeIsAnError() {
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", true);
        assertThatThrownBy(client::next).hasMessageContaining("malformed chunk size 'zz'");
    }

    @Test
    void bodyUntilCloseIsReadWhenNoLengthIsGiven() throws Exception {
        server.reply("HTTP/1.1 200 OK\r\n" + NEXT_HEADERS + "\r\nall of it", true);
        assertThat(new String(client.next().body(), StandardCharsets.UTF_8)).isEqualTo("all of it");
    }

    @Test
    void keepsOneConnectionAcrossRequests() throws Exception {
        server.reply(200, NEXT_HEADERS, "a").reply(OK_202, false).reply(200, NEXT_HEADERS, "b");
        client.next();
        client.postResponse("req-1", null, new byte[] {1});
        client.next();
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void reconnectsWhenThePeerClosedTheIdleConnection() throws Exception {
        server.reply(200, NEXT_HEADERS, "a").reply(OK_202, true).reply(200, NEXT_HEADERS, "b");
        client.next();
        client.postResponse("req-1", null, new byte[] {1});
        assertThat(client.next().body()).containsExactly('b');
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void connectionCloseHeaderClosesTheConnection() throws Exception {
        server.reply(200, NEXT_HEADERS + "Connection: close\r\n", "a").reply(200, NEXT_HEADERS, "b");
        client.next();
        client.next();
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void postResponseSendsTheBodyWithContentTypeAndLength() throws Exception {
        server.reply(OK_202, false);
        StatusResponse status = client.postResponse("req-1", "text/plain", "héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(StatusResponse.OK);
        ScriptedServer.Recorded request = server.take();
        assertThat(request.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1");
        assertThat(request.header("Content-Type")).isEqualTo("text/plain");
        assertThat(request.header("Content-Length")).isEqualTo("6");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("héllo");
    }

    @Test
    void postResponseRejectedWith413NamesTheStatusAndErrorType() {
        server.reply(
                413,
                "",
                new ErrorResponse("Exceeded maximum allowed payload size (6291556 bytes).", "RequestEntityTooLarge")
                        .toJsonString());
        assertThatThrownBy(() -> client.postResponse("req-1", null, new byte[1]))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageStartingWith("POST /2018-06-01/runtime/invocation/req-1/response to 127.0.0.1:")
                .hasMessageContaining("HTTP 413")
                .hasMessageContaining("RequestEntityTooLarge");
    }

    @Test
    void postErrorSendsTheErrorTypeHeaderAndTheJsonBody() throws Exception {
        server.reply(OK_202, false);
        ErrorRequest error =
                new ErrorRequest("bad \"input\"\n", "java.lang.IllegalStateException", List.of("a.B.c(B.java:1)"));
        client.postError("req-1", RuntimeApi.FN_ERROR_USER_EXCEPTION, error);
        ScriptedServer.Recorded request = server.take();
        assertThat(request.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/req-1/error HTTP/1.1");
        assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
        assertThat(request.header("Content-Type")).isEqualTo(RuntimeApi.CONTENT_TYPE_ERROR);
        assertThat(ErrorRequest.fromJson(request.body())).isEqualTo(error);
    }

    @Test
    void postErrorCarriesTheXrayCauseHeaderWhenGiven() throws Exception {
        server.reply(OK_202, false).reply(OK_202, false);
        client.postError("req-1", null, new ErrorRequest("m", "t"), "{\"exceptions\":[]}");
        client.postError("req-2", null, new ErrorRequest("m", "t"), "x".repeat(RuntimeApi.XRAY_ERROR_CAUSE_MAX_BYTES));
        assertThat(server.take().header(RuntimeApi.HEADER_XRAY_ERROR_CAUSE)).isEqualTo("{\"exceptions\":[]}");
        ScriptedServer.Recorded oversized = server.take();
        assertThat(oversized.header(RuntimeApi.HEADER_XRAY_ERROR_CAUSE)).isNull();
        assertThat(oversized.header("Lambda-Runtime-Function-Error-Type")).isNull();
    }

    @Test
    void postInitErrorGoesToTheInitErrorPath() throws Exception {
        server.reply(OK_202, false);
        client.postInitError(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, new ErrorRequest("no class", "x"));
        ScriptedServer.Recorded request = server.take();
        assertThat(request.requestLine()).isEqualTo("POST /2018-06-01/runtime/init/error HTTP/1.1");
        assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BadFunctionCode");
    }

    @Test
    void restoreEndpointsUseTheirPaths() throws Exception {
        server.reply(200, "", "").reply(OK_202, false);
        client.restoreNext();
        client.postRestoreError(RuntimeApi.FN_ERROR_AFTER_RESTORE, new ErrorRequest("m", "t"));
        assertThat(server.take().requestLine()).isEqualTo("GET /2018-06-01/runtime/restore/next HTTP/1.1");
        assertThat(server.take().requestLine()).isEqualTo("POST /2018-06-01/runtime/restore/error HTTP/1.1");
    }

    @Test
    void streamingResponseIsChunkedWithDeclaredTrailers() throws Exception {
        server.reply(OK_202, false);
        client.postStreamingResponse("req-1", "text/plain", out -> {
            out.write("part1".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("part2".getBytes(StandardCharsets.UTF_8));
            out.trailer(RuntimeApi.HEADER_FUNCTION_ERROR_TYPE, "Runtime.UserException");
            out.trailer(
                    RuntimeApi.HEADER_FUNCTION_ERROR_BODY, Base64.getEncoder().encodeToString("{}".getBytes()));
        });
        ScriptedServer.Recorded request = server.take();
        assertThat(request.header("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
        assertThat(request.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(request.header("Trailer"))
                .isEqualTo("Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("part1part2");
        assertThat(request.trailers())
                .containsEntry("lambda-runtime-function-error-type", "Runtime.UserException")
                .containsEntry("lambda-runtime-function-error-body", "e30=");
    }

    @Test
    void ipv6TargetIsBracketedAsInTheHostHeader() {
        try (RuntimeApiClient v6 = new RuntimeApiClient(RuntimeApiAddress.parse("[::1]:9001"))) {
            assertThat(v6.target()).isEqualTo("[::1]:9001");
        }
    }

    @Test
    void connectFailureNamesTheTarget() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        try (RuntimeApiClient closedPort = new RuntimeApiClient(new RuntimeApiAddress("127.0.0.1", port))) {
            assertThatThrownBy(closedPort::next)
                    .isInstanceOf(HttpException.class)
                    .hasMessageContaining("GET /2018-06-01/runtime/invocation/next to 127.0.0.1:" + port)
                    .hasMessageContaining("cannot connect");
        }
    }

    @Test
    void streamingResponseCarriesAMidStreamErrorInItsTrailersAndUsesItsOwnConnection() throws Exception {
        server.reply(200, NEXT_HEADERS, "a").reply(OK_202, false).reply(200, NEXT_HEADERS, "b");
        client.next();
        StreamingResponse response = client.openStreamingResponse("req-1", null);
        response.write("partial".getBytes(StandardCharsets.UTF_8));
        response.flush();
        ErrorRequest error =
                new ErrorRequest("broke mid-way", "java.lang.IllegalStateException", List.of("a.B.c(B.java:1)"));
        response.fail(RuntimeApi.FN_ERROR_USER_EXCEPTION, error);
        assertThat(response.finish()).isEqualTo(StatusResponse.OK);
        assertThat(response.bytesWritten()).isEqualTo(7);
        client.next();

        server.take();
        ScriptedServer.Recorded streamed = server.take();
        assertThat(streamed.header("Content-Type")).isEqualTo(RuntimeApi.CONTENT_TYPE_OCTET_STREAM);
        assertThat(new String(streamed.body(), StandardCharsets.UTF_8)).isEqualTo("partial");
        assertThat(streamed.trailers()).containsEntry("lambda-runtime-function-error-type", "Runtime.UserException");
        byte[] errorJson = Base64.getDecoder().decode(streamed.trailers().get("lambda-runtime-function-error-body"));
        assertThat(ErrorRequest.fromJson(errorJson)).isEqualTo(error);
        assertThat(streamed.connection()).isEqualTo(2);
        assertThat(server.take().connection()).isEqualTo(3);
    }

    @Test
    void streamingToAPeerThatWentAwayNamesTheRequestAndTheBytesSent() throws Exception {
        try (ServerSocket closing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RuntimeApiClient toClosing =
                        new RuntimeApiClient(new RuntimeApiAddress("127.0.0.1", closing.getLocalPort()))) {
            StreamingResponse response = toClosing.openStreamingResponse("req-1", "text/plain");
            try (java.net.Socket accepted = closing.accept()) {
                accepted.setSoLinger(true, 0);
            }
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            response.write(new byte[1024]);
                            response.flush();
                        }
                    })
                    .isInstanceOf(HttpException.class)
                    .hasMessageStartingWith("POST /2018-06-01/runtime/invocation/req-1/response to 127.0.0.1:")
                    .hasMessageContaining("failed while streaming the body after");
        }
    }
}
