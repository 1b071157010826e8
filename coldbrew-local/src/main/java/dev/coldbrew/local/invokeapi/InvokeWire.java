package dev.coldbrew.local.invokeapi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.Tenancy;
import dev.coldbrew.local.http.ServiceErrors;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.server.HttpBodies;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes an Invoke response (invoke-api-and-environment.md §1.2–1.4): 200/202/204, {@code X-Amz-Executed-Version},
 * {@code X-Amz-Function-Error}, {@code X-Amz-Log-Result} (base64 of the last 4 KB of the log) for Tail, and the
 * service error shape with {@code x-amzn-ErrorType} (plus {@code Retry-After} on 429).
 */
public final class InvokeWire {
    private InvokeWire() {}

    public static final String HEADER_EXECUTED_VERSION = "X-Amz-Executed-Version";
    public static final String HEADER_FUNCTION_ERROR = "X-Amz-Function-Error";
    public static final String HEADER_LOG_RESULT = "X-Amz-Log-Result";
    public static final String HEADER_REQUEST_ID = "x-amzn-RequestId";
    public static final String LATEST = "$LATEST";
    /** The Invoke API's functions resource, the prefix of every path it serves. */
    public static final String FUNCTIONS_PATH = "/2015-03-31/functions";

    public static final String INVOCATIONS_SUFFIX = "/invocations";
    /** {@code InvokeWithResponseStream}'s functions resource (API version 2021-11-15). */
    public static final String STREAMING_FUNCTIONS_PATH = "/2021-11-15/functions";
    /** {@code POST …/functions/{name}/response-streaming-invocations}. */
    public static final String STREAMING_INVOCATIONS_SUFFIX = "/response-streaming-invocations";

    public static final String CONFIGURATION_SUFFIX = "/configuration";
    /** {@code X-Amz-Log-Result} carries the last 4 KB of the log. */
    public static final int LOG_TAIL_BYTES = 4096;

    public static void respond(HttpExchange http, InvokeTarget target, InvokeRequest request) throws IOException {
        String qualifier =
                request.qualifier() != null ? request.qualifier() : FunctionNames.qualifier(request.functionName());
        String region = target.region();
        if (target.function(request.functionName()).isEmpty() || (qualifier != null && !qualifier.equals(LATEST))) {
            String arn = FunctionNames.arn(region, request.functionName()) + (qualifier == null ? "" : ":" + qualifier);
            send(http, ServiceErrors.notFound("", arn), false);
            return;
        }
        if (refusedTenancy(http, target, request)) {
            return;
        }
        Headers out = http.getResponseHeaders();
        out.set(HEADER_EXECUTED_VERSION, LATEST);
        switch (request.type()) {
            case DRY_RUN -> HttpBodies.send(http, 204, null);
            case EVENT -> {
                target.invokeAsync(request.functionName(), request.payload(), request.tenantId());
                HttpBodies.send(http, 202, null);
            }
            case REQUEST_RESPONSE ->
                send(
                        http,
                        target.invoke(
                                request.functionName(), request.payload(), request.clientContext(), request.tenantId()),
                        request.tail());
        }
    }

    /**
     * Answers an {@code InvokeWithResponseStream} (invoke-api-and-environment.md §2): an event stream
     * ({@link EventStreamResponse}) for RequestResponse, 204 for DryRun; Event is not an invocation type of this
     * operation (400). An invoke refused before the function ran gets the Invoke API's error shape.
     */
    public static void respondStreaming(HttpExchange http, InvokeTarget target, InvokeRequest request)
            throws IOException {
        if (request.type() == InvokeRequest.InvocationType.EVENT) {
            http.getResponseHeaders().set(ServiceErrors.HEADER_ERROR_TYPE, ServiceErrors.INVALID_PARAMETER);
            http.getResponseHeaders().set("Content-Type", RuntimeApi.CONTENT_TYPE_JSON);
            HttpBodies.send(
                    http,
                    400,
                    ServiceErrors.invalid("invalid " + InvokeRequest.HEADER_INVOCATION_TYPE
                                    + " 'Event' for InvokeWithResponseStream: use RequestResponse or DryRun")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (request.type() == InvokeRequest.InvocationType.DRY_RUN || !found(target, request)) {
            respond(http, target, request);
            return;
        }
        if (refusedTenancy(http, target, request)) {
            return;
        }
        EventStreamResponse stream = new EventStreamResponse(http);
        InvocationResult result = target.invokeStreaming(
                request.functionName(), request.payload(), request.clientContext(), request.tenantId(), stream);
        if (result.statusCode() != 200 && !stream.started()) {
            send(http, result, false);
            return;
        }
        stream.complete(result, request.tail());
    }

    /**
     * Answers 400 {@code InvalidParameterValueException}, as Lambda does, when the tenant id is missing on a
     * {@code PER_TENANT} function or present on one without tenant isolation; true when it did.
     */
    private static boolean refusedTenancy(HttpExchange http, InvokeTarget target, InvokeRequest request)
            throws IOException {
        var function = target.function(request.functionName());
        var refusal = function.flatMap(f -> Tenancy.refusal(f, request.tenantId()));
        if (refusal.isEmpty()) {
            return false;
        }
        http.getResponseHeaders()
                .set(HEADER_REQUEST_ID, java.util.UUID.randomUUID().toString());
        http.getResponseHeaders().set(ServiceErrors.HEADER_ERROR_TYPE, ServiceErrors.INVALID_PARAMETER);
        http.getResponseHeaders().set("Content-Type", RuntimeApi.CONTENT_TYPE_JSON);
        HttpBodies.send(http, 400, ServiceErrors.invalid(refusal.get()).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static boolean found(InvokeTarget target, InvokeRequest request) {
        String qualifier =
                request.qualifier() != null ? request.qualifier() : FunctionNames.qualifier(request.functionName());
        return target.function(request.functionName()).isPresent() && (qualifier == null || qualifier.equals(LATEST));
    }

    private static void send(HttpExchange http, InvocationResult result, boolean tail) throws IOException {
        Headers out = http.getResponseHeaders();
        if (!result.requestId().isEmpty()) {
            out.set(HEADER_REQUEST_ID, result.requestId());
        }
        // Lambda propagates the Content-Type the runtime posted its response with (runtime-api.md §4).
        out.set("Content-Type", result.contentType() == null ? RuntimeApi.CONTENT_TYPE_JSON : result.contentType());
        if (result.statusCode() != 200) {
            out.set(ServiceErrors.HEADER_ERROR_TYPE, ServiceErrors.typeOf(result));
            if (result.statusCode() == 429) {
                out.set("Retry-After", Integer.toString(ServiceErrors.RETRY_AFTER_SECONDS));
            }
        }
        if (result.functionError() != null) {
            out.set(HEADER_FUNCTION_ERROR, result.functionError());
        }
        if (tail) {
            out.set(HEADER_LOG_RESULT, logTail(result.log()));
        }
        HttpBodies.send(http, result.statusCode(), result.payload());
    }

    /** {@code /2015-03-31/functions/NAME/invocations}, the name URL-encoded. */
    public static String invocationsPath(String functionName) {
        return FUNCTIONS_PATH + "/" + URLEncoder.encode(functionName, StandardCharsets.UTF_8) + INVOCATIONS_SUFFIX;
    }

    /** Base64 of the last 4 KB of the invocation's log. */
    public static String logTail(String log) {
        byte[] bytes = log == null ? new byte[0] : log.getBytes(StandardCharsets.UTF_8);
        byte[] tail = bytes.length <= LOG_TAIL_BYTES
                ? bytes
                : Arrays.copyOfRange(bytes, bytes.length - LOG_TAIL_BYTES, bytes.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
