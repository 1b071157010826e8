package dev.coldbrew.gorpc.gob;

import dev.coldbrew.gorpc.gob.ScalarCodec.Kind;

/**
 * Codecs for gob's predefined types. Go matches remote and local kinds strictly (an {@code int} field only
 * takes wire type 2), so each Java type here names the Go kind it stands for.
 */
public final class GobScalars {
    private GobScalars() {}

    public static final GobCodec<Boolean> BOOL =
            new ScalarCodec<>(Kind.BOOL, Boolean.class, "bool", GobTypeIds.BOOL, false);

    /** Go {@code int} / {@code int64}: a signed gob int. */
    public static final GobCodec<Long> INT = new ScalarCodec<>(Kind.INT, Long.class, "int64", GobTypeIds.INT, 0L);

    /** Go {@code int32}: a signed gob int whose received values are range-checked. */
    public static final GobCodec<Integer> INT32 =
            new ScalarCodec<>(Kind.INT32, Integer.class, "int32", GobTypeIds.INT, 0);

    /** Go {@code uint64}: the Java long is read as unsigned (see {@link Long#toUnsignedString(long)}). */
    public static final GobCodec<Long> UINT = new ScalarCodec<>(Kind.UINT, Long.class, "uint64", GobTypeIds.UINT, 0L);

    /** Go {@code float64}; -0.0 counts as zero, as in Go. */
    public static final GobCodec<Double> FLOAT =
            new ScalarCodec<>(Kind.FLOAT, Double.class, "float64", GobTypeIds.FLOAT, 0.0);

    public static final GobCodec<byte[]> BYTES =
            new ScalarCodec<>(Kind.BYTES, byte[].class, "[]byte", GobTypeIds.BYTES, new byte[0]);

    public static final GobCodec<String> STRING =
            new ScalarCodec<>(Kind.STRING, String.class, "string", GobTypeIds.STRING, "");
}
