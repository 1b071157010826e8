package dev.coldbrew.local.cli;

/** Exit codes of the {@code coldbrew local} and {@code coldbrew invoke} commands. */
public enum ExitCode {
    /** Done; for invoke: the function answered without a function error. */
    OK(0),
    /** The request failed: function error, service error, or the local Lambda could not start or be reached. */
    FAILURE(1),
    /** Bad command line: the message names the bad value, usage follows. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
