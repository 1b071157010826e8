package dev.coldbrew.runtime.handler;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.ResponseBuffer;
import dev.coldbrew.runtime.binding.ContextAdapter;
import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodHandle;

/**
 * A handler method named by {@code _HANDLER=package.Class::method} that implements no handler interface, called
 * through a {@link MethodHandle} resolved once at init. Every shape is normalised to
 * {@code (Object input, Object output, Object context) → Object}. This is the one handler form with a reflective
 * call per invocation; handler interfaces avoid it.
 */
final class MethodHandler implements BytesHandler {
    private static final byte[] EMPTY = new byte[0];

    private final MethodHandle target;
    private final boolean stream;
    private final Codec<Object> input;
    private final Codec<Object> output;
    private final ContextAdapter contexts;

    MethodHandler(
            MethodHandle target, boolean stream, Codec<Object> input, Codec<Object> output, ContextAdapter contexts) {
        this.target = target;
        this.stream = stream;
        this.input = input;
        this.output = output;
        this.contexts = contexts;
    }

    @Override
    public byte[] handle(byte[] event, Context context) throws Exception {
        Object adapted = contexts.adapt(context);
        if (stream) {
            ResponseBuffer out = new ResponseBuffer();
            call(new ByteArrayInputStream(event), out, adapted);
            return out.toByteArray();
        }
        Object result = call(input == null ? event : input.decode(event), null, adapted);
        if (output == null) {
            return result == null ? EMPTY : (byte[]) result;
        }
        return output.encode(result);
    }

    private Object call(Object in, Object out, Object context) throws Exception {
        try {
            return (Object) target.invokeExact(in, out, context);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("handler method threw " + t, t);
        }
    }
}
