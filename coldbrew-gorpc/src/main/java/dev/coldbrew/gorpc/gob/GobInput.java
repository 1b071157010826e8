package dev.coldbrew.gorpc.gob;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads gob primitives from one received message. Every length is checked against the bytes left in the
 * message before anything is allocated, and every error names the stream offset.
 */
final class GobInput {
    private final byte[] buf;
    private final int end;
    private final long streamOffset;
    private int pos;

    /**
     * @param buf the message bytes (after the length prefix)
     * @param streamOffset where {@code buf[0]} sits in the stream, for error messages
     */
    public GobInput(byte[] buf, long streamOffset) {
        this(buf, 0, buf.length, streamOffset);
    }

    GobInput(byte[] buf, int from, int to, long streamOffset) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
        this.streamOffset = streamOffset - from;
    }

    /** The stream offset of the next byte. */
    public long offset() {
        return streamOffset + pos;
    }

    public int remaining() {
        return end - pos;
    }

    /** Reads a gob uint: one byte below 128, else a negated byte count (1–8) and big-endian bytes. */
    public long readUint() throws GobException {
        requireBytes(1, "uint");
        int first = buf[pos++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = 256 - first;
        if (count > Long.BYTES) {
            pos--;
            throw error(
                    "read uint",
                    "byte count " + count + " exceeds 8 (first byte 0x" + Integer.toHexString(first) + ")");
        }
        requireBytes(count, "uint of " + count + " bytes");
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 8) | (buf[pos++] & 0xff);
        }
        return value;
    }

    /** Reads a gob int: a uint whose low bit is the sign (complemented when set). */
    public long readInt() throws GobException {
        long u = readUint();
        return (u & 1) != 0 ? ~(u >>> 1) : u >>> 1;
    }

    /** Reads an int and checks that it fits a Go int32 (for example {@code StackFrame.Line}). */
    public int readInt32() throws GobException {
        long at = offset();
        long value = readInt();
        if (value != (int) value) {
            throw new GobException("gob: read int32 at offset " + at + " failed: value " + value + " out of range");
        }
        return (int) value;
    }

    public boolean readBool() throws GobException {
        long at = offset();
        long value = readUint();
        if (value > 1) {
            throw new GobException("gob: read bool at offset " + at + " failed: value " + Long.toUnsignedString(value)
                    + " is neither 0 nor 1");
        }
        return value == 1;
    }

    /** Reads a float: the IEEE 754 bits with their bytes reversed, sent as a uint. */
    public double readFloat() throws GobException {
        return Double.longBitsToDouble(Long.reverseBytes(readUint()));
    }

    public byte[] readBytes() throws GobException {
        int n = readLength("[]byte");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public String readString() throws GobException {
        int n = readLength("string");
        String out = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return out;
    }

    /** Skips a byte count and that many bytes ([]byte, string, opaque GobEncoder data). */
    public void skipCounted(String what) throws GobException {
        int n = readLength(what); // read before adding: pos += readLength(..) would use the old pos
        pos += n;
    }

    /**
     * Reads a count of things that each take at least one byte (slice elements, map entries, struct fields)
     * and checks it against the bytes left, so no caller allocates from a hostile count.
     */
    public int readCount(String what) throws GobException {
        return readLength(what);
    }

    private int readLength(String what) throws GobException {
        long at = offset();
        long n = readUint();
        if (n < 0 || n > remaining()) {
            throw new GobException("gob: read " + what + " length at offset " + at + " failed: length "
                    + Long.toUnsignedString(n) + " exceeds the " + remaining() + " bytes left in the message");
        }
        return (int) n;
    }

    private void requireBytes(int n, String what) throws GobException {
        if (remaining() < n) {
            throw new GobException("gob: read " + what + " at offset " + offset() + " failed: message truncated, "
                    + remaining() + " bytes left, " + n + " needed");
        }
    }

    /** An error at the current offset: {@code gob: <operation> at offset N failed: <observed>}. */
    public GobException error(String operation, String observed) {
        return new GobException("gob: " + operation + " at offset " + offset() + " failed: " + observed);
    }
}
