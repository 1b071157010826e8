package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.util.Objects;

/**
 * {@code messages.InvokeResponse_Error_StackFrame{Path string; Line int32; Label string}}. Go first reaches
 * this type as the {@code *T} element of a slice, so its definition carries the name {@code ""}.
 */
public record StackFrame(String path, int line, String label) {
    public static final StructCodec<StackFrame> GOB = StructCodec.builder("", StackFrame.class)
            .field("Path", GobScalars.STRING, StackFrame::path)
            .field("Line", GobScalars.INT32, StackFrame::line)
            .field("Label", GobScalars.STRING, StackFrame::label)
            .build(v -> new StackFrame(v.get(0), v.get(1), v.get(2)));

    public StackFrame {
        path = Objects.requireNonNullElse(path, "");
        label = Objects.requireNonNullElse(label, "");
    }

    /** A Java frame as aws-lambda-go shapes Go frames: file, line, {@code class.method}. */
    public static StackFrame of(StackTraceElement element) {
        String file = element.getFileName() == null ? "" : element.getFileName();
        return new StackFrame(
                file, Math.max(element.getLineNumber(), 0), element.getClassName() + "." + element.getMethodName());
    }
}
