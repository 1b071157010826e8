package dev.coldbrew.runtime;

import java.io.ByteArrayInputStream;

/** Runs a {@link StreamHandler} as a {@link BytesHandler}: the event as an input stream, the output buffered. */
final class StreamAdapter implements BytesHandler {
    private final StreamHandler handler;

    StreamAdapter(StreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public byte[] handle(byte[] event, Context context) throws Exception {
        ResponseBuffer out = new ResponseBuffer();
        handler.handle(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }
}
