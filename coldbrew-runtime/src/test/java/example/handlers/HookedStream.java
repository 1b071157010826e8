package example.handlers;

import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.SnapStartHooks;
import dev.coldbrew.runtime.StreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A stream handler whose before-checkpoint hook always fails. */
public final class HookedStream implements StreamHandler, SnapStartHooks {
    @Override
    public void handle(InputStream in, OutputStream out, Context context) throws Exception {
        in.transferTo(out);
    }

    @Override
    public void beforeCheckpoint() {
        throw new IllegalStateException("HookedStream refuses snapshots");
    }
}
