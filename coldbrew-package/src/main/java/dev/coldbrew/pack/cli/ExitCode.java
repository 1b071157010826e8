package dev.coldbrew.pack.cli;

/** Exit codes of {@code coldbrew package}. */
public enum ExitCode {
    /** The zip and template were written. */
    OK(0),
    /** Packaging failed: a missing jar, a failing tool, a size limit, a crash in the training run. */
    PACKAGE_FAILED(1),
    /** The command line is wrong. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
