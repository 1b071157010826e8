package dev.coldbrew.gorpc.gob;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Gives user types their wire ids in Go's order: a struct before its fields, a slice after its element.
 * Go allocates ids once per process ({@code encoding/gob/type.go}, global {@code nextId}); an encoder that
 * owns its allocator numbers types as a Go process whose first gob traffic is that stream, which is the
 * normal case for a function binary. Encoders that share one allocator number types as one Go process.
 * Thread-safe.
 */
public final class TypeIdAllocator {
    private final Map<GobCodec<?>, Integer> ids = new IdentityHashMap<>();
    private int next = GobTypeIds.FIRST_ALLOCATED_ID;

    /** The id of a codec's type, allocating it and its components on first use. */
    public synchronized int idOf(GobCodec<?> codec) {
        return codec.allocate(this);
    }

    synchronized Integer existing(GobCodec<?> codec) {
        return ids.get(codec);
    }

    synchronized int assign(GobCodec<?> codec) {
        return ids.computeIfAbsent(codec, c -> next++);
    }
}
