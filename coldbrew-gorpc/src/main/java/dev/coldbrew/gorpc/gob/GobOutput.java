package dev.coldbrew.gorpc.gob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer that writes gob primitives and frames them as messages. Room for the longest length
 * prefix (9 bytes) is kept in front of each message body, so the prefix is filled in afterwards without
 * copying the body.
 */
final class GobOutput {
    private static final int PREFIX_ROOM = 9;
    private static final int INITIAL_CAPACITY = 256;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int size;

    /** Starts a new message, discarding anything buffered. */
    public void beginMessage() {
        size = PREFIX_ROOM;
    }

    /** Writes {@code uint(length) body} of the current message to {@code out}. */
    public void writeMessageTo(OutputStream out) throws IOException {
        long length = size - PREFIX_ROOM;
        int prefix = uintSize(length);
        int start = PREFIX_ROOM - prefix;
        int saved = size;
        size = start;
        writeUint(length);
        size = saved;
        out.write(buf, start, size - start);
    }

    /** The bytes of the current message body (without prefix); for tests and benchmarks. */
    public byte[] messageBody() {
        return Arrays.copyOfRange(buf, PREFIX_ROOM, size);
    }

    public void writeUint(long value) {
        if (value >= 0 && value < 0x80) {
            ensure(1);
            buf[size++] = (byte) value;
            return;
        }
        int count = uintSize(value) - 1;
        ensure(count + 1);
        buf[size++] = (byte) -count;
        for (int shift = (count - 1) * 8; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (value >>> shift);
        }
    }

    public void writeInt(long value) {
        writeUint(value < 0 ? (~value << 1) | 1 : value << 1);
    }

    public void writeBool(boolean value) {
        writeUint(value ? 1 : 0);
    }

    public void writeFloat(double value) {
        writeUint(Long.reverseBytes(Double.doubleToLongBits(value)));
    }

    public void writeBytes(byte[] value) {
        writeUint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
    }

    public void writeString(String value) {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    private static int uintSize(long value) {
        if (value >= 0 && value < 0x80) {
            return 1;
        }
        return 1 + (Long.SIZE - Long.numberOfLeadingZeros(value) + 7) / 8;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "gob: encode failed: message would exceed " + (Integer.MAX_VALUE - 8) + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
