package dev.coldbrew.gorpc.gob;

/**
 * Codecs for gob's predefined types. Go matches remote and local kinds strictly (an {@code int} field only
 * takes wire type 2), so each Java type here names the Go kind it stands for.
 */
public final class GobScalars {
    private GobScalars() {}

    public static final GobCodec<Boolean> BOOL =
            new ScalarCodec<>("bool", GobTypeIds.BOOL, false, v -> !v, GobOutput::writeBool, GobInput::readBool);

    /** Go {@code int} / {@code int64}: a signed gob int. */
    public static final GobCodec<Long> INT =
            new ScalarCodec<>("int64", GobTypeIds.INT, 0L, v -> v == 0, GobOutput::writeInt, GobInput::readInt);

    /** Go {@code int32}: a signed gob int whose received values are range-checked. */
    public static final GobCodec<Integer> INT32 = new ScalarCodec<>(
            "int32", GobTypeIds.INT, 0, v -> v == 0, (out, v) -> out.writeInt(v), GobInput::readInt32);

    /** Go {@code uint64}: the Java long is read as unsigned (see {@link Long#toUnsignedString(long)}). */
    public static final GobCodec<Long> UINT =
            new ScalarCodec<>("uint64", GobTypeIds.UINT, 0L, v -> v == 0, GobOutput::writeUint, GobInput::readUint);

    /** Go {@code float64}; -0.0 counts as zero, as in Go. */
    public static final GobCodec<Double> FLOAT = new ScalarCodec<>(
            "float64", GobTypeIds.FLOAT, 0.0, v -> v == 0.0, GobOutput::writeFloat, GobInput::readFloat);

    public static final GobCodec<byte[]> BYTES = new ScalarCodec<>(
            "[]byte", GobTypeIds.BYTES, new byte[0], v -> v.length == 0, GobOutput::writeBytes, GobInput::readBytes);

    public static final GobCodec<String> STRING = new ScalarCodec<>(
            "string", GobTypeIds.STRING, "", String::isEmpty, GobOutput::writeString, GobInput::readString);
}
