package dev.coldbrew.gorpc.gob;

/**
 * The limits a decoder enforces on untrusted input. Go's own decoder only rejects messages of 8 GiB or more
 * ({@code tooBig} in {@code encoding/gob/decoder.go}); coldbrew caps them at what a Lambda invoke can carry.
 *
 * @param maxMessageBytes largest accepted length prefix of one gob message
 * @param maxTypeDefinitions most type definitions accepted on one stream
 * @param maxTypeDepth deepest nesting of types (and so of values) accepted
 */
public record GobLimits(int maxMessageBytes, int maxTypeDefinitions, int maxTypeDepth) {
    /** Lambda's 6 MiB payload limit plus room for the other InvokeRequest fields (ids, ARN, client context). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 6 * 1024 * 1024 + 64 * 1024;
    /** The Lambda messages and net/rpc use 11 types; generic peers rarely need more than a few dozen. */
    public static final int DEFAULT_MAX_TYPE_DEFINITIONS = 1024;
    /** InvokeResponse → Error → StackTrace → StackFrame is 4 deep. */
    public static final int DEFAULT_MAX_TYPE_DEPTH = 32;

    public static final GobLimits DEFAULT =
            new GobLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_TYPE_DEFINITIONS, DEFAULT_MAX_TYPE_DEPTH);

    public GobLimits {
        requirePositive("maxMessageBytes", maxMessageBytes);
        requirePositive("maxTypeDefinitions", maxTypeDefinitions);
        requirePositive("maxTypeDepth", maxTypeDepth);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("gob limit " + name + " must be positive, was " + value);
        }
    }
}
