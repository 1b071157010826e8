package dev.coldbrew.bench.strategy;

/** A strategy could not build its function for a workload; the message names the step and what was observed. */
public final class PreparationException extends Exception {
    private static final long serialVersionUID = 1L;

    public PreparationException(String message) {
        super(message);
    }

    public PreparationException(String message, Throwable cause) {
        super(message, cause);
    }
}
