package dev.coldbrew.cli;

/** The exit status of the {@code coldbrew} command. */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The command ran and failed (the message says what failed). */
    FAILURE(1),
    /** The command line was wrong: nothing was run. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code with this number; the local Lambda's commands use the same three. */
    static ExitCode of(int code) {
        for (ExitCode e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown exit code " + code + ": valid codes are 0, 1 and 2");
    }
}
