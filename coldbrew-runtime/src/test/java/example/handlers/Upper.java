package example.handlers;

import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.StreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A stream handler that upper-cases the event. */
public final class Upper implements StreamHandler {
    @Override
    public void handle(InputStream in, OutputStream out, Context context) throws Exception {
        out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .toUpperCase(Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8));
    }
}
