package dev.coldbrew.gorpc.gob;

import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** A predefined gob type (bool, int, uint, float, []byte, string); see {@link GobScalars}. */
final class ScalarCodec<T> extends GobCodec<T> {
    private final String goType;
    private final int wireId;
    private final T zero;
    private final Predicate<T> isZero;
    private final BiConsumer<GobOutput, T> writer;
    private final ValueReader<T> reader;

    ScalarCodec(
            String goType,
            int wireId,
            T zero,
            Predicate<T> isZero,
            BiConsumer<GobOutput, T> writer,
            ValueReader<T> reader) {
        this.goType = goType;
        this.wireId = wireId;
        this.zero = zero;
        this.isZero = isZero;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public String goType() {
        return goType;
    }

    @Override
    boolean isZero(T value) {
        return isZero.test(value);
    }

    @Override
    T zero() {
        return zero;
    }

    @Override
    void write(GobOutput out, T value) {
        if (value == null) {
            throw new IllegalArgumentException("gob: encode " + goType + " failed: value is null");
        }
        writer.accept(out, value);
    }

    @Override
    ValueReader<T> reader(RemoteTypes types, int remoteId, String target, long offset) throws GobException {
        if (remoteId != wireId) {
            throw mismatch(types, remoteId, target, offset);
        }
        return reader;
    }

    @Override
    int builtinId() {
        return wireId;
    }

    @Override
    int allocate(TypeIdAllocator ids) {
        return wireId;
    }
}
