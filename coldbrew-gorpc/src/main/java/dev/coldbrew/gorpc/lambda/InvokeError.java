package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.SliceCodec;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.util.List;
import java.util.Objects;

/**
 * {@code messages.InvokeResponse_Error{Message, Type string; StackTrace []*StackFrame; ShouldExit bool}}: a
 * handler failure reported inside the reply. {@code shouldExit} tells the caller to end the function process
 * (aws-lambda-go sets it for recovered panics only).
 */
public record InvokeError(String message, String type, List<StackFrame> stackTrace, boolean shouldExit) {
    /** Go's name for the unnamed slice type, including the package name {@code messages}. */
    static final String STACK_TRACE_TYPE = "[]*messages.InvokeResponse_Error_StackFrame";

    public static final StructCodec<InvokeError> GOB = StructCodec.builder("InvokeResponse_Error", InvokeError.class)
            .field("Message", GobScalars.STRING, InvokeError::message)
            .field("Type", GobScalars.STRING, InvokeError::type)
            .field("StackTrace", new SliceCodec<>(STACK_TRACE_TYPE, StackFrame.GOB.pointer()), InvokeError::stackTrace)
            .field("ShouldExit", GobScalars.BOOL, InvokeError::shouldExit)
            .build(v -> new InvokeError(v.get(0), v.get(1), v.get(2), v.get(3)));

    public InvokeError {
        message = Objects.requireNonNullElse(message, "");
        type = Objects.requireNonNullElse(type, "");
        stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
    }

    /**
     * The JSON Lambda callers see for a go1.x function error: what Go's {@code json.Marshal} makes of
     * aws-lambda-go's {@code InvokeResponse_Error} with its tags ({@code errorMessage}, {@code errorType},
     * {@code stackTrace} with {@code omitempty}; {@code ShouldExit} is {@code json:"-"}).
     */
    public String toJson() {
        StringBuilder out = new StringBuilder(64 + message.length());
        out.append("{\"errorMessage\":");
        GoJson.string(out, message);
        out.append(",\"errorType\":");
        GoJson.string(out, type);
        if (!stackTrace.isEmpty()) {
            out.append(",\"stackTrace\":[");
            for (int i = 0; i < stackTrace.size(); i++) {
                StackFrame frame = stackTrace.get(i);
                out.append(i == 0 ? "{\"path\":" : ",{\"path\":");
                GoJson.string(out, frame.path());
                out.append(",\"line\":").append(frame.line()).append(",\"label\":");
                GoJson.string(out, frame.label());
                out.append('}');
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    /**
     * A Java throwable as an error reply: type = simple class name (as aws-lambda-go uses the Go type name),
     * message, and the stack frames of the throwable.
     */
    public static InvokeError of(Throwable failure, boolean shouldExit) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        StackTraceElement[] elements = failure.getStackTrace();
        StackFrame[] frames = new StackFrame[elements.length];
        for (int i = 0; i < elements.length; i++) {
            frames[i] = StackFrame.of(elements[i]);
        }
        String type = failure.getClass().getSimpleName();
        if (type.isEmpty()) { // anonymous and hidden classes have no simple name
            type = failure.getClass().getName();
        }
        return new InvokeError(message, type, List.of(frames), shouldExit);
    }
}
