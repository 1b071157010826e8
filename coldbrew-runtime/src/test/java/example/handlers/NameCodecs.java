package example.handlers;

import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.CodecProvider;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A codec provider registered through META-INF/services in the test class path: handles the Greeter types
 * only, as a stand-in for a JSON codec module.
 */
public final class NameCodecs implements CodecProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> Codec<T> codecFor(Type type) {
        if (type == Greeter.Name.class) {
            return (Codec<T>) new Codec<Greeter.Name>() {
                @Override
                public Greeter.Name decode(byte[] bytes) {
                    return new Greeter.Name(new String(bytes, StandardCharsets.UTF_8));
                }

                @Override
                public byte[] encode(Greeter.Name value) {
                    throw new UnsupportedOperationException("encode Name");
                }
            };
        }
        if (type == Greeter.Greeting.class) {
            return (Codec<T>) new Codec<Greeter.Greeting>() {
                @Override
                public Greeter.Greeting decode(byte[] bytes) {
                    throw new UnsupportedOperationException("decode Greeting");
                }

                @Override
                public byte[] encode(Greeter.Greeting value) {
                    return value.text().getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String contentType() {
                    return "text/plain";
                }
            };
        }
        return null;
    }
}
