package dev.coldbrew.gorpc.gob;

/**
 * The limits a decoder enforces on untrusted input. Go's own decoder only rejects messages of 8 GiB or more
 * ({@code tooBig} in {@code encoding/gob/decoder.go}); coldbrew caps them at what a Lambda invoke can carry.
 *
 * @param maxMessageBytes largest accepted length prefix of one gob message
 * @param maxTypeDefinitions most type definitions accepted on one stream
 * @param maxTypeDefinitionBytes most bytes of type definitions accepted on one stream, in total: a parsed
 *     definition takes more memory than its bytes (a one-letter field is 6 bytes on the wire)
 * @param maxTypeDepth deepest nesting of types (and so of values) accepted
 * @param maxSliceElements most elements of one decoded slice (not {@code []byte}): each element becomes a Java
 *     object, so a message of one-byte elements would otherwise grow dozens of times in memory
 */
public record GobLimits(
        int maxMessageBytes,
        int maxTypeDefinitions,
        int maxTypeDefinitionBytes,
        int maxTypeDepth,
        int maxSliceElements) {
    /** Lambda's 6 MiB payload limit plus room for the other InvokeRequest fields (ids, ARN, client context). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 6 * 1024 * 1024 + 64 * 1024;
    /** The Lambda messages and net/rpc use 11 types; generic peers rarely need more than a few dozen. */
    public static final int DEFAULT_MAX_TYPE_DEFINITIONS = 1024;
    /** All net/rpc and Lambda definitions together are under 1 KiB on the wire. */
    public static final int DEFAULT_MAX_TYPE_DEFINITION_BYTES = 256 * 1024;
    /** InvokeResponse → Error → StackTrace → StackFrame is 4 deep. */
    public static final int DEFAULT_MAX_TYPE_DEPTH = 32;
    /** A Go stack trace has tens of frames; nothing in the Lambda messages comes near this. */
    public static final int DEFAULT_MAX_SLICE_ELEMENTS = 64 * 1024;

    public static final GobLimits DEFAULT = new GobLimits(
            DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_TYPE_DEFINITIONS,
            DEFAULT_MAX_TYPE_DEFINITION_BYTES,
            DEFAULT_MAX_TYPE_DEPTH,
            DEFAULT_MAX_SLICE_ELEMENTS);

    public GobLimits {
        requirePositive("maxMessageBytes", maxMessageBytes);
        requirePositive("maxTypeDefinitions", maxTypeDefinitions);
        requirePositive("maxTypeDefinitionBytes", maxTypeDefinitionBytes);
        requirePositive("maxTypeDepth", maxTypeDepth);
        requirePositive("maxSliceElements", maxSliceElements);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("gob limit " + name + " must be positive, was " + value);
        }
    }
}
