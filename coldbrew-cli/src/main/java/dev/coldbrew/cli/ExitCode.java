package dev.coldbrew.cli;

/** The exit status of every {@code coldbrew} command. */
public enum ExitCode {
    /** The command did what was asked; for invoke: the function answered without a function error. */
    OK(0),
    /**
     * The command ran and failed, and the message says what failed: a function or service error, a local Lambda
     * that could not start or be reached, a packaging failure, a bench run with failed cells.
     */
    FAILURE(1),
    /** The command line was wrong: the message names the bad value, nothing was run. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
