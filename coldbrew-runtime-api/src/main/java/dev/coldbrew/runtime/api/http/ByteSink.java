package dev.coldbrew.runtime.api.http;

import java.util.Arrays;

/** A growable byte array for reply bodies of unknown length (chunked, or delimited by the connection's end). */
final class ByteSink {
    private byte[] bytes = new byte[1024];
    int size;

    void append(byte[] more) {
        if (size + more.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more.length));
        }
        System.arraycopy(more, 0, bytes, size, more.length);
        size += more.length;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }
}
