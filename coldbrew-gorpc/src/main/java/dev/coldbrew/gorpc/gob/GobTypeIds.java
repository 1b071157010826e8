package dev.coldbrew.gorpc.gob;

/**
 * The predefined gob type ids (Go 1.19 {@code encoding/gob/type.go}). User types start at 65: Go's
 * {@code firstUserId} is 64 and its counter is incremented before use.
 */
public final class GobTypeIds {
    private GobTypeIds() {}

    public static final int BOOL = 1;
    public static final int INT = 2;
    public static final int UINT = 3;
    public static final int FLOAT = 4;
    public static final int BYTES = 5;
    public static final int STRING = 6;
    public static final int COMPLEX = 7;
    public static final int INTERFACE = 8;
    /** Definitions for ids below this are rejected, as Go's {@code recvType} does. */
    public static final int FIRST_USER_ID = 64;
    /** The first id an encoder allocates. */
    public static final int FIRST_ALLOCATED_ID = FIRST_USER_ID + 1;

    /** A short name for a predefined id, for error messages. */
    public static String describe(int id) {
        return switch (id) {
            case BOOL -> "bool";
            case INT -> "int";
            case UINT -> "uint";
            case FLOAT -> "float";
            case BYTES -> "[]byte";
            case STRING -> "string";
            case COMPLEX -> "complex";
            case INTERFACE -> "interface";
            default -> id >= FIRST_USER_ID ? "user type" : "reserved";
        };
    }
}
