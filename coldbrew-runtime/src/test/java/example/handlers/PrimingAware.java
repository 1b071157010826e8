package example.handlers;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;

/** Echoes the event and logs whether it runs on a priming event. */
public final class PrimingAware implements BytesHandler {
    @Override
    public byte[] handle(byte[] event, Context context) {
        context.logger().log("handling " + context.requestId() + " priming=" + context.priming());
        return event;
    }
}
