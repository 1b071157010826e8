package dev.coldbrew.json;

import dev.coldbrew.runtime.Codec;
import java.lang.reflect.Type;

/**
 * The runtime's {@link Codec} for one handler type, on a shared {@link Json}: what
 * {@link JsonCodecProvider} hands the runtime for {@code RequestHandler<I, O>}, and what {@code main} passes to
 * {@code LambdaRuntime.run(handler, json.codec(In.class), json.codec(Out.class))}.
 */
public final class JsonCodec<T> implements Codec<T> {
    private final Json json;
    private final Type type;

    JsonCodec(Json json, Type type) {
        this.json = json;
        this.type = type;
    }

    /** The type this codec decodes to. */
    public Type type() {
        return type;
    }

    /** @throws JsonCodecException naming {@link #type()} when the event is not JSON of that shape */
    @Override
    @SuppressWarnings("unchecked") // Json.decode returns a value of this codec's type
    public T decode(byte[] bytes) {
        return (T) json.decode(bytes, type);
    }

    /** @throws JsonCodecException naming the value's class when it has no JSON form */
    @Override
    public byte[] encode(T value) {
        return json.encode(value);
    }

    @Override
    public String toString() {
        return "JsonCodec[" + type.getTypeName() + "]";
    }
}
