package dev.coldbrew.runtime.testing;

import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.StatusResponse;

/** The fake's answers to everything but {@code GET /next}, following the Runtime API's status rules. */
final class Routes {
    /** A status and body to send. */
    record Answer(int status, byte[] body) {}

    private Routes() {}

    static Answer answer(RuntimeRequest request, InvocationStates states) {
        String path = request.path();
        if (request.method().equals(RuntimeApi.METHOD_POST) && path.equals(RuntimeApi.INIT_ERROR_PATH)) {
            return accepted();
        }
        if (request.method().equals(RuntimeApi.METHOD_POST) && path.equals(RuntimeApi.RESTORE_ERROR_PATH)) {
            return accepted();
        }
        if (request.method().equals(RuntimeApi.METHOD_GET) && path.equals(RuntimeApi.RESTORE_NEXT_PATH)) {
            return new Answer(RuntimeApi.HTTP_OK, new byte[0]);
        }
        if (request.method().equals(RuntimeApi.METHOD_POST) && request.requestId() != null) {
            return invocationResult(request, states);
        }
        return error(404, "NotFound", "no route for " + request.method() + " " + path);
    }

    private static Answer invocationResult(RuntimeRequest request, InvocationStates states) {
        boolean response = request.path().endsWith(RuntimeApi.RESPONSE_SUFFIX);
        long limit = responseLimit(request);
        if (response && request.body().length > limit) {
            states.complete(request.requestId());
            return error(
                    RuntimeApi.HTTP_PAYLOAD_TOO_LARGE,
                    RuntimeApi.ERROR_TOO_LARGE,
                    "Exceeded maximum allowed payload size (" + limit + " bytes).");
        }
        return switch (states.complete(request.requestId())) {
            case ACCEPTED -> accepted();
            case UNKNOWN_ID ->
                error(
                        RuntimeApi.HTTP_BAD_REQUEST,
                        RuntimeApi.ERROR_INVALID_REQUEST_ID,
                        "Invalid request ID: " + request.requestId());
            case ALREADY_DONE ->
                error(
                        RuntimeApi.HTTP_FORBIDDEN,
                        RuntimeApi.ERROR_INVALID_STATE,
                        "Invocation " + request.requestId() + " was already answered");
        };
    }

    /**
     * The largest response body for the request's response mode: {@link RuntimeApi#MAX_STREAMED_RESPONSE_BYTES}
     * when it is streamed ({@code Lambda-Runtime-Function-Response-Mode: streaming}), else
     * {@link RuntimeApi#MAX_RESPONSE_BYTES}.
     */
    static long responseLimit(RuntimeRequest request) {
        return RuntimeApi.RESPONSE_MODE_STREAMING.equals(request.header(RuntimeApi.HEADER_RESPONSE_MODE))
                ? RuntimeApi.MAX_STREAMED_RESPONSE_BYTES
                : RuntimeApi.MAX_RESPONSE_BYTES;
    }

    private static Answer accepted() {
        return new Answer(RuntimeApi.HTTP_ACCEPTED, StatusResponse.OK.toJson());
    }

    private static Answer error(int status, String type, String message) {
        return new Answer(status, new ErrorResponse(message, type).toJson());
    }
}
