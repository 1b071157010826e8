package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.gorpc.lambda.InvokeError;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.StackFrame;
import dev.coldbrew.runtime.Invocation;
import dev.coldbrew.runtime.Outcome;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping between the go1.x messages and coldbrew's transport-independent {@link Invocation} and
 * {@link Outcome}, field by field as aws-lambda-go's {@code Function.Invoke} reads them
 * ({@code lambda/rpc_function.go}): deadline from {@code Deadline{Seconds, Nanos}}, request id, trace id, ARN,
 * Cognito identity and client context.
 */
final class GoRpcInvocations {
    private GoRpcInvocations() {}

    /**
     * The invocation {@code request} describes.
     *
     * @throws IllegalArgumentException naming the field when the request id is empty or the deadline is out of range
     */
    static Invocation invocation(InvokeRequest request) {
        long deadlineMs;
        try {
            deadlineMs = request.deadline().toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "InvokeRequest.Deadline is out of range: " + request.deadline() + " (" + e.getMessage() + ")", e);
        }
        if (request.requestId().isEmpty()) {
            throw new IllegalArgumentException("InvokeRequest.RequestId is empty: Lambda sends one with every invoke");
        }
        return new Invocation(
                request.requestId(),
                deadlineMs,
                nullIfEmpty(request.invokedFunctionArn()),
                nullIfEmpty(request.xAmznTraceId()),
                request.clientContext().length == 0
                        ? null
                        : new String(request.clientContext(), StandardCharsets.UTF_8),
                cognitoIdentity(request),
                null,
                null,
                request.payload());
    }

    /** The reply for a request that cannot become an invocation: an error the caller sees, not a process exit. */
    static InvokeResponse invalid(IllegalArgumentException e) {
        return InvokeResponse.failure(
                new InvokeError(e.getMessage(), RuntimeApi.FN_ERROR_INVALID_INVOCATION, List.of(), false));
    }

    /**
     * The reply for {@code outcome}: the payload, or an error with the type, message and stack frames Lambda
     * reports for Java functions, and {@code ShouldExit} when the failure is fatal.
     */
    static InvokeResponse response(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Success success -> InvokeResponse.success(success.payload());
            case Outcome.Failure failure ->
                InvokeResponse.failure(new InvokeError(
                        failure.error().errorMessage(),
                        failure.error().errorType(),
                        frames(failure.error().stackTrace()),
                        failure.fatal()));
        };
    }

    /**
     * Stack trace lines as go1.x frames: {@code label(path:line)} (the form of
     * {@link StackTraceElement#toString()}) becomes {@code {Path, Line, Label}}; other lines, such as
     * {@code Caused by: type: message}, become a frame with the line as label.
     */
    static List<StackFrame> frames(List<String> lines) {
        List<StackFrame> frames = new ArrayList<>(lines.size());
        for (String line : lines) {
            frames.add(frame(line));
        }
        return frames;
    }

    static StackFrame frame(String line) {
        int open = line.lastIndexOf('(');
        if (open <= 0 || !line.endsWith(")")) {
            return new StackFrame("", 0, line);
        }
        String label = line.substring(0, open);
        String location = line.substring(open + 1, line.length() - 1);
        int colon = location.lastIndexOf(':');
        if (colon > 0) {
            try {
                return new StackFrame(
                        location.substring(0, colon), Integer.parseInt(location.substring(colon + 1)), label);
            } catch (NumberFormatException e) {
                return new StackFrame(location, 0, label);
            }
        }
        return new StackFrame(location, 0, label);
    }

    private static String cognitoIdentity(InvokeRequest request) {
        if (request.cognitoIdentityId().isEmpty()
                && request.cognitoIdentityPoolId().isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(96);
        JsonWriter.object(json)
                .field(RuntimeApi.FIELD_COGNITO_IDENTITY_ID, request.cognitoIdentityId())
                .field(RuntimeApi.FIELD_COGNITO_IDENTITY_POOL_ID, request.cognitoIdentityPoolId())
                .end();
        return json.toString();
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
