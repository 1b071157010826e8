package dev.coldbrew.runtime.api;

/**
 * The one parse of a bounded decimal number from the environment or a header ({@code AWS_LAMBDA_MAX_CONCURRENCY},
 * {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, a port, {@code Lambda-Runtime-Deadline-Ms}): ASCII digits only, no sign,
 * no blanks, within {@code [min, max]}. It allocates nothing and never throws, so the caller words the error with
 * the variable's name and what it expects.
 */
public final class UnsignedDecimal {
    /** Returned when the value is not a number in range. */
    public static final long INVALID = -1;

    private UnsignedDecimal() {}

    /**
     * The value of {@code digits}, or {@link #INVALID} when it is null, empty, has a character other than
     * {@code 0-9}, or is outside {@code [min, max]}.
     *
     * @throws IllegalArgumentException when the bounds are negative or reversed
     */
    public static long parse(CharSequence digits, long min, long max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException(
                    "parse a decimal failed: bounds [" + min + ", " + max + "] must satisfy 0 <= min <= max");
        }
        if (digits == null || digits.isEmpty()) {
            return INVALID;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            int digit = c - '0';
            if (value > (max - digit) / 10) {
                return INVALID; // value * 10 + digit > max, checked without overflowing
            }
            value = value * 10 + digit;
        }
        return value < min ? INVALID : value;
    }
}
