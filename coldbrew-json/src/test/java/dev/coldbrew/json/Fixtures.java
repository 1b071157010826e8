package dev.coldbrew.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample events under {@code src/test/resources/events/}, written from the shapes AWS documents. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] event(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading fixture events/" + name + " failed", e);
        }
    }
}
