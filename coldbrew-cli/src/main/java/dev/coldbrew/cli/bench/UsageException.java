package dev.coldbrew.cli.bench;

/** A bad command line: the message names the bad value and the valid ones. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
