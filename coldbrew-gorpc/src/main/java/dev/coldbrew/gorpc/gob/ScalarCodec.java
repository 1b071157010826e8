package dev.coldbrew.gorpc.gob;

/**
 * A predefined gob type (bool, int, uint, float, []byte, string); see {@link GobScalars}. One class with a
 * switch per operation rather than a lambda per operation: these are loaded on every cold start.
 */
final class ScalarCodec<T> extends GobCodec<T> implements ValueReader<T> {
    enum Kind {
        BOOL,
        INT,
        INT32,
        UINT,
        FLOAT,
        BYTES,
        STRING
    }

    private final Kind kind;
    private final Class<T> type;
    private final String goType;
    private final int wireId;
    private final T zero;

    ScalarCodec(Kind kind, Class<T> type, String goType, int wireId, T zero) {
        this.kind = kind;
        this.type = type;
        this.goType = goType;
        this.wireId = wireId;
        this.zero = zero;
    }

    @Override
    public String goType() {
        return goType;
    }

    @Override
    boolean isZero(T value) {
        return switch (kind) {
            case BOOL -> !(Boolean) value;
            case INT, UINT -> (Long) value == 0;
            case INT32 -> (Integer) value == 0;
            case FLOAT -> (Double) value == 0.0; // -0.0 too, as in Go
            case BYTES -> ((byte[]) value).length == 0;
            case STRING -> ((String) value).isEmpty();
        };
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
        switch (kind) {
            case BOOL -> out.writeBool((Boolean) value);
            case INT -> out.writeInt((Long) value);
            case INT32 -> out.writeInt((Integer) value);
            case UINT -> out.writeUint((Long) value);
            case FLOAT -> out.writeFloat((Double) value);
            case BYTES -> out.writeBytes((byte[]) value);
            case STRING -> out.writeString((String) value);
        }
    }

    @Override
    public T read(GobInput in) throws GobException {
        Object value = switch (kind) {
            case BOOL -> in.readBool();
            case INT, UINT -> kind == Kind.INT ? in.readInt() : in.readUint();
            case INT32 -> in.readInt32();
            case FLOAT -> in.readFloat();
            case BYTES -> in.readBytes();
            case STRING -> in.readString();
        };
        return type.cast(value);
    }

    @Override
    ValueReader<T> reader(RemoteTypes types, int remoteId, String target, long offset) throws GobException {
        if (remoteId != wireId) {
            throw mismatch(types, remoteId, target, offset);
        }
        return this;
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
