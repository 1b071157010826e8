package dev.coldbrew.runtime.api.http;

import java.io.IOException;

/** Writes a request body chunk by chunk; it may add trailer fields, sent after the last chunk. */
@FunctionalInterface
public interface ChunkedBody {
    void writeTo(ChunkedOutputStream out) throws IOException;
}
