package dev.coldbrew.examples.sin;

import dev.coldbrew.examples.input.JsonNumbers;
import java.util.Set;

/** {@code x = Math.sin(x)}, {@code iterations} times, starting from {@code x}. */
public record SinRequest(long iterations, double x) {
    /** The seed's figure: 10 million sin(x) calculations. */
    public static final long DEFAULT_ITERATIONS = 10_000_000L;

    public static final double DEFAULT_X = 1.0;
    /** About a minute of work on one core: more is a mistake, not a benchmark. */
    public static final long MAX_ITERATIONS = 10_000_000_000L;

    private static final Set<String> FIELDS = Set.of("iterations", "x");

    public SinRequest {
        if (iterations < 0 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "field \"iterations\" must be between 0 and " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("field \"x\" must be a finite number, got " + x);
        }
    }

    /** Reads {@code {"iterations":10000000,"x":1.0}}; both are optional, so {@code {}} runs the default. */
    public static SinRequest fromJson(byte[] json) {
        JsonNumbers fields = JsonNumbers.parse(json);
        fields.rejectUnknown(FIELDS);
        return new SinRequest(
                fields.optionalLong("iterations", DEFAULT_ITERATIONS, 0, MAX_ITERATIONS),
                fields.optionalDouble("x", DEFAULT_X));
    }
}
