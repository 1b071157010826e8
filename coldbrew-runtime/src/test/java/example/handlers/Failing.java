package example.handlers;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;

/** A user handler that throws, so error reports show user frames. */
public final class Failing implements BytesHandler {
    @Override
    public byte[] handle(byte[] event, Context context) {
        return deeper(new String(event, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] deeper(String event) {
        throw new IllegalStateException("cannot handle " + event, new java.io.IOException("disk gone"));
    }
}
