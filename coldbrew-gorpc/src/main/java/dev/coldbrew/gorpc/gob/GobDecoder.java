package dev.coldbrew.gorpc.gob;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads values from one gob stream (one direction of one connection), keeping the peer's type definitions
 * as Go's {@code gob.Decoder} does. Not thread-safe: one reader per stream.
 *
 * <p>Every failure is a {@link GobException} naming the operation, the type id and the stream offset; after
 * one, the stream must be abandoned. The only clean end is {@link EOFException} before the first byte of a
 * value.
 */
public final class GobDecoder {
    /** A message buffer starts at this size, or at what has already arrived if that is more. */
    private static final int FIRST_CHUNK_BYTES = 64 * 1024;

    private final InputStream in;
    private final GobLimits limits;
    private final ReadGuard guard;
    private final RemoteTypes types;
    private final Map<PlanKey, ValueReader<?>> plans = new HashMap<>();
    private long offset;
    private long definitionBytes;

    public GobDecoder(InputStream in) {
        this(in, GobLimits.DEFAULT);
    }

    public GobDecoder(InputStream in, GobLimits limits) {
        this(in, limits, ReadGuard.NONE);
    }

    /** A decoder that tells {@code guard} where values start and what it is about to buffer ({@link ReadGuard}). */
    public GobDecoder(InputStream in, GobLimits limits, ReadGuard guard) {
        this.in = in;
        this.limits = limits;
        this.guard = guard;
        this.types = new RemoteTypes(limits);
    }

    /** Bytes consumed from the stream so far. */
    public long offset() {
        return offset;
    }

    /**
     * Reads type definitions up to the next value and decodes it into {@code codec}'s type.
     *
     * @throws EOFException if the stream ends cleanly before the value starts
     * @throws GobException if the stream is malformed, over a limit, or incompatible with the codec
     */
    public <T> T decode(GobCodec<T> codec) throws IOException {
        ValueMessage message = nextValueMessage();
        T value = plan(codec, message.id(), message.at()).read(message.in());
        requireConsumed(message);
        return value;
    }

    /** Reads type definitions up to the next value and discards the value, whatever its type. */
    public void skip() throws IOException {
        ValueMessage message = nextValueMessage();
        int id = message.id();
        types.verify(id, message.at());
        topLevel(ValueSkipper.of(types, id, "value of type id " + id, message.at()), id)
                .read(message.in());
        requireConsumed(message);
    }

    private ValueMessage nextValueMessage() throws IOException {
        boolean first = true;
        while (true) {
            GobInput message = readMessage(first);
            first = false;
            long at = message.offset();
            long id = message.readInt();
            if (id > 0 && id <= Integer.MAX_VALUE) {
                return new ValueMessage(message, (int) id, at);
            }
            if (id >= 0 || id < -Integer.MAX_VALUE) {
                throw new GobException("gob: read type id at offset " + at + " failed: invalid type id " + id);
            }
            int defined = (int) -id;
            types.requireDefinable(defined, at);
            countDefinitionBytes(message.remaining(), defined, at);
            types.define(defined, WireTypeReader.read(message, defined), at);
            if (message.remaining() > 0) {
                throw message.error(
                        "read definition of type id " + defined,
                        "extra data in buffer, " + message.remaining() + " bytes after the wireType");
            }
        }
    }

    private void countDefinitionBytes(int bytes, int id, long at) throws GobException {
        definitionBytes += bytes;
        if (definitionBytes > limits.maxTypeDefinitionBytes()) {
            throw new GobException("gob: define type id " + id + " at offset " + at + " failed: type definitions on"
                    + " this stream exceed " + limits.maxTypeDefinitionBytes() + " bytes");
        }
    }

    @SuppressWarnings("unchecked")
    private <T> ValueReader<T> plan(GobCodec<T> codec, int id, long at) throws GobException {
        PlanKey key = new PlanKey(codec, id);
        ValueReader<T> plan = (ValueReader<T>) plans.get(key);
        if (plan == null) {
            types.verify(id, at);
            plan = topLevel(codec.reader(types, id, "value of type id " + id, at), id);
            plans.put(key, plan);
        }
        return plan;
    }

    /** Go's singleton rule: a top-level non-struct value is a one-field struct whose only delta is 0. */
    private <T> ValueReader<T> topLevel(ValueReader<T> reader, int id) {
        if (types.get(id) instanceof WireType.Struct) {
            return reader;
        }
        return in -> {
            long delta = in.readUint();
            if (delta != 0) {
                throw in.error(
                        "decode value of type id " + id,
                        "non-zero delta " + Long.toUnsignedString(delta) + " for singleton");
            }
            return reader.read(in);
        };
    }

    private static void requireConsumed(ValueMessage message) throws GobException {
        GobInput in = message.in();
        if (in.remaining() > 0) {
            throw in.error(
                    "decode value of type id " + message.id(),
                    in.remaining() + " bytes of garbage after the value in the same message");
        }
    }

    private GobInput readMessage(boolean valueStart) throws IOException {
        long start = offset;
        long length = readLengthPrefix(valueStart);
        if (length == 0 || Long.compareUnsigned(length, limits.maxMessageBytes()) > 0) {
            throw new GobException("gob: read message at offset " + start + " failed: invalid message length "
                    + Long.toUnsignedString(length) + " (limit " + limits.maxMessageBytes() + " bytes)");
        }
        guard.buffering((int) length);
        byte[] body = readBody((int) length, start);
        long bodyOffset = offset;
        offset += length;
        return new GobInput(body, bodyOffset);
    }

    private long readLengthPrefix(boolean valueStart) throws IOException {
        int first = in.read();
        if (first < 0) {
            if (valueStart) {
                throw new EOFException("gob: stream ended at offset " + offset + " (between values)");
            }
            throw new GobException("gob: read message at offset " + offset + " failed: unexpected EOF, the "
                    + "value's message did not follow its type definitions");
        }
        if (valueStart) {
            guard.valueStarted();
        }
        int count = first < 0x80 ? 0 : 256 - first;
        if (count > Long.BYTES) {
            throw new GobException("gob: read message length at offset " + offset + " failed: byte count " + count
                    + " exceeds 8 (first byte 0x" + Integer.toHexString(first) + ")");
        }
        byte[] prefix = new byte[1 + Long.BYTES];
        prefix[0] = (byte) first;
        int read = in.readNBytes(prefix, 1, count);
        GobInput input = new GobInput(prefix, 0, 1 + read, offset);
        long length = input.readUint();
        offset += 1 + read;
        return length;
    }

    /**
     * Reads exactly {@code length} bytes. The length is untrusted: the buffer is sized by the bytes that have
     * actually arrived ({@link InputStream#available()}), at most doubling what was received, never from the
     * length alone.
     */
    private byte[] readBody(int length, long start) throws IOException {
        byte[] buf = new byte[Math.min(length, Math.max(FIRST_CHUNK_BYTES, in.available()))];
        int filled = 0;
        while (filled < length) {
            if (filled == buf.length) {
                long grown = Math.max((long) filled * 2, (long) filled + in.available());
                buf = Arrays.copyOf(buf, (int) Math.min(grown, length));
            }
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                throw new GobException("gob: read message at offset " + start + " failed: unexpected EOF after "
                        + filled + " of " + length + " bytes");
            }
            filled += n;
        }
        return buf;
    }

    /** A compiled plan's key. Written out: a record's equals/hashCode would bootstrap on the first value read. */
    private record PlanKey(GobCodec<?> codec, int id) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PlanKey key && key.codec == codec && key.id == id;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(codec) + id;
        }
    }

    private record ValueMessage(GobInput in, int id, long at) {}
}
