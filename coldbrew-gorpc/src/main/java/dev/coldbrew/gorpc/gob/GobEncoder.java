package dev.coldbrew.gorpc.gob;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes values to one gob stream as Go's {@code gob.Encoder} does: each type definition the stream has
 * not carried yet goes first, in its own message (a parent before its components, each once), then the
 * value in its own message. Top-level non-struct values follow the singleton rule. Not thread-safe; callers
 * that share a stream serialise whole calls. Nothing is flushed here.
 */
public final class GobEncoder {
    private final OutputStream out;
    private final TypeIdAllocator ids;
    private final Set<GobCodec<?>> sent = Collections.newSetFromMap(new IdentityHashMap<>());
    private final GobOutput buffer = new GobOutput();

    /** An encoder numbering types as a fresh Go process would (ids from 65 in first-use order). */
    public GobEncoder(OutputStream out) {
        this(out, new TypeIdAllocator());
    }

    /** An encoder sharing {@code ids} with others, as encoders inside one Go process share type ids. */
    public GobEncoder(OutputStream out, TypeIdAllocator ids) {
        this.out = out;
        this.ids = ids;
    }

    /**
     * Writes the definitions {@code value}'s type still needs, then the value.
     *
     * @throws IllegalArgumentException if the value cannot be encoded (a nil top-level value or slice element)
     */
    public <T> void encode(GobCodec<T> codec, T value) throws IOException {
        if (value == null) {
            throw new IllegalArgumentException("gob: encode " + codec.goType() + " failed: cannot encode a nil value");
        }
        sendType(codec.definedType());
        buffer.beginMessage();
        buffer.writeInt(ids.idOf(codec));
        if (!codec.isStruct()) {
            buffer.writeUint(0); // singleton: the one field's delta comes before the value
        }
        codec.write(buffer, value);
        buffer.writeMessageTo(out);
    }

    private void sendType(GobCodec<?> codec) throws IOException {
        if (codec.builtinId() != 0 || sent.contains(codec)) {
            return;
        }
        int id = ids.idOf(codec);
        buffer.beginMessage();
        buffer.writeInt(-id);
        codec.writeDefinition(buffer, ids);
        buffer.writeMessageTo(out);
        sent.add(codec);
        for (GobCodec<?> component : codec.components()) {
            sendType(component.definedType());
        }
    }
}
