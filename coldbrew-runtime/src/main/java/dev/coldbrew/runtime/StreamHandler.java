package dev.coldbrew.runtime;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function handler on streams: reads the event from {@code in}, writes the response to {@code out}. The output
 * is buffered (up to Lambda's 6 MB response limit) and sent when the handler returns; an exception is reported as
 * a function error and the buffered output is dropped.
 */
@FunctionalInterface
public interface StreamHandler {
    void handle(InputStream in, OutputStream out, Context context) throws Exception;
}
