package dev.coldbrew.runtime.api.http;

import java.util.Arrays;

/** A growable byte array for reply bodies of unknown length (chunked, or delimited by the connection's end). */
final class ByteSink {
    private byte[] bytes = new byte[1024];
    int size;

    void append(byte[] more) {
        append(more, 0, more.length);
    }

    void append(byte[] more, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(more, offset, bytes, size, length);
        size += length;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }
}
