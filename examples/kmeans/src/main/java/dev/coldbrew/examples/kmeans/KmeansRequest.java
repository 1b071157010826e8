package dev.coldbrew.examples.kmeans;

import java.util.List;

/**
 * One k-means job: {@code n} uniformly distributed {@code d}-dimensional points in [0, 1)^d, clustered into {@code k}
 * clusters, everything drawn from a generator seeded with {@code seed} so that every run does identical work.
 */
public record KmeansRequest(int n, int d, int k, long seed) {
    public static final int MAX_POINTS = 1_000_000;
    public static final int MAX_DIMENSIONS = 1_000;
    public static final int MAX_CLUSTERS = 10_000;
    /** n × d coordinates: 10 million doubles, 80 MB, is more than the smallest Lambda could hold anyway. */
    public static final long MAX_COORDINATES = 10_000_000L;

    public static final long DEFAULT_SEED = 42;
    private static final List<String> FIELDS = List.of("n", "d", "k", "seed");

    public KmeansRequest {
        check("n", n, 1, MAX_POINTS);
        check("d", d, 1, MAX_DIMENSIONS);
        check("k", k, 1, MAX_CLUSTERS);
        if (k > n) {
            throw new IllegalArgumentException("k (" + k + ") must not exceed n (" + n + ")");
        }
        if ((long) n * d > MAX_COORDINATES) {
            throw new IllegalArgumentException(
                    "n × d = " + ((long) n * d) + " coordinates is more than the limit of " + MAX_COORDINATES);
        }
    }

    /**
     * Reads {@code {"n":10000,"d":2,"k":10,"seed":42}} with org.json, as the seed did; n, d and k are required, seed
     * defaults to 42.
     */
    public static KmeansRequest fromJson(byte[] json) {
        EventFields fields = EventFields.parse(json);
        fields.rejectUnknown(FIELDS);
        return new KmeansRequest(
                (int) fields.requireLong("n", 1, MAX_POINTS),
                (int) fields.requireLong("d", 1, MAX_DIMENSIONS),
                (int) fields.requireLong("k", 1, MAX_CLUSTERS),
                fields.optionalLong("seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "field \"" + name + "\" must be between " + min + " and " + max + ", got " + value);
        }
    }
}
