package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.gorpc.lambda.InvokeError;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.StackFrame;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping between the go1.x messages and the runtime's transport-independent {@link Invocation} and
 * {@link Outcome}: the request through {@link Invocation#fromGo1x} (shared with every go1.x transport), the outcome
 * as {@code InvokeResponse} with Go stack frames.
 */
final class GoRpcInvocations {
    private GoRpcInvocations() {}

    /**
     * The invocation {@code request} describes ({@link Invocation#fromGo1x}).
     *
     * @throws IllegalArgumentException naming the field when the request id is empty or the deadline is out of range
     */
    static Invocation invocation(InvokeRequest request) {
        return Invocation.fromGo1x(
                request.requestId(),
                request.deadline().seconds(),
                request.deadline().nanos(),
                request.invokedFunctionArn(),
                request.xAmznTraceId(),
                request.clientContext(),
                request.cognitoIdentityId(),
                request.cognitoIdentityPoolId(),
                request.payload());
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
}
