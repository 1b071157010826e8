package dev.coldbrew.gorpc.gob;

import java.util.List;

/**
 * A Go pointer to a struct ({@code *T}). Pointers never appear on the wire: a nil pointer field is omitted,
 * a non-nil one is sent as the struct, even when that struct is all zero. Java null stands for nil.
 */
final class PointerCodec<T> extends GobCodec<T> {
    private final StructCodec<T> target;

    PointerCodec(StructCodec<T> target) {
        this.target = target;
    }

    @Override
    public String goType() {
        return "*" + target.goType();
    }

    @Override
    boolean isZero(T value) {
        return value == null;
    }

    @Override
    T zero() {
        return null;
    }

    @Override
    void write(GobOutput out, T value) {
        if (value == null) {
            throw new IllegalArgumentException("gob: encode " + goType() + " failed: cannot encode nil pointer");
        }
        target.write(out, value);
    }

    @Override
    ValueReader<T> reader(RemoteTypes types, int remoteId, String target, long offset) throws GobException {
        return this.target.reader(types, remoteId, target, offset);
    }

    @Override
    int builtinId() {
        return 0;
    }

    @Override
    GobCodec<?> definedType() {
        return target;
    }

    @Override
    int allocate(TypeIdAllocator ids) {
        return target.allocate(ids);
    }

    @Override
    void writeDefinition(GobOutput out, TypeIdAllocator ids) {
        target.writeDefinition(out, ids);
    }

    @Override
    List<GobCodec<?>> components() {
        return target.components();
    }

    @Override
    boolean isStruct() {
        return true;
    }
}
