package example.handlers;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;

/** Returns the event unchanged. */
public final class Echo implements BytesHandler {
    @Override
    public byte[] handle(byte[] event, Context context) {
        return event;
    }
}
