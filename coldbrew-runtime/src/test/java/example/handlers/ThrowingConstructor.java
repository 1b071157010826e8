package example.handlers;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;

/** A handler whose constructor fails, as when a function's init code fails. */
public final class ThrowingConstructor implements BytesHandler {
    public ThrowingConstructor() {
        throw new IllegalStateException("no database configured");
    }

    @Override
    public byte[] handle(byte[] event, Context context) {
        return event;
    }
}
