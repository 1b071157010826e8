package dev.coldbrew.runtime.binding;

import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.CodecProvider;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.lang.reflect.Type;
import java.util.ServiceLoader;

/**
 * Finds a {@link Codec} for a handler's input or output type through the {@link CodecProvider}s registered with
 * {@link ServiceLoader} (init only; the first provider that accepts the type wins).
 */
public final class CodecLookup {
    /** The module that provides JSON codecs, named in the error when none is found. */
    public static final String JSON_CODEC_MODULE = "dev.coldbrew:coldbrew-json";

    private CodecLookup() {}

    /** A codec for {@code type}; an {@link InitException} naming the handler, the type and the fix when none. */
    public static <T> Codec<T> codecFor(Type type, HandlerName name, String role, ClassLoader loader)
            throws InitException {
        int providers = 0;
        for (CodecProvider provider : ServiceLoader.load(CodecProvider.class, loader)) {
            providers++;
            Codec<T> codec = provider.codecFor(type);
            if (codec != null) {
                return codec;
            }
        }
        throw new InitException(
                RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE,
                "adapt handler " + name + " failed: its "
                        + role + " type " + type.getTypeName() + " needs a codec, and "
                        + (providers == 0
                                ? "no " + CodecProvider.class.getName() + " is on the class path: add "
                                        + JSON_CODEC_MODULE
                                : "none of the " + providers + " codec providers on the class path accepts it")
                        + ", or register the handler from main with explicit codecs");
    }
}
