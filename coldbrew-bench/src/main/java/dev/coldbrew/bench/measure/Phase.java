package dev.coldbrew.bench.measure;

/** A cold invoke runs in a new environment (its Init Duration is reported); a warm one reuses the last. */
public enum Phase {
    COLD,
    WARM
}
