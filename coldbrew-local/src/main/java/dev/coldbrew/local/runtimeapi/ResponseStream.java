package dev.coldbrew.local.runtimeapi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's side of a response streamed as the function writes it ({@code InvokeWithResponseStream}): the
 * Runtime API server writes the body of a streamed {@code /response} to the stream {@link #open} returns, part by
 * part, each part flushed.
 */
public interface ResponseStream {
    /**
     * The function started a streamed response of {@code contentType} to invocation {@code requestId}: where its
     * bytes go.
     *
     * @throws IOException when the caller can no longer be written to
     */
    OutputStream open(String requestId, String contentType) throws IOException;
}
