package dev.coldbrew.json;

import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.CodecProvider;
import java.lang.reflect.Type;

/**
 * Plugs coldbrew-json into the runtime: found through {@code META-INF/services/dev.coldbrew.runtime.CodecProvider}
 * when a {@code RequestHandler<I, O>} named by {@code _HANDLER} needs codecs for {@code I} and {@code O}. Every
 * type is accepted (JSON has a form for beans, records, maps, lists and scalars); a shape that cannot be mapped
 * fails at the first decode or encode with a {@link JsonCodecException} naming the type.
 */
public final class JsonCodecProvider implements CodecProvider {
    private final Json json = Json.create();

    /** Created by {@code ServiceLoader} at init; primes the codec so the first invoke does not pay its loading. */
    public JsonCodecProvider() {
        json.prime();
    }

    @Override
    public <T> Codec<T> codecFor(Type type) {
        return json.codec(type);
    }
}
