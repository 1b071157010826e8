package dev.coldbrew.runtime;

/** The format of function log lines, from {@code AWS_LAMBDA_LOG_FORMAT}. */
public enum LogFormat {
    /** {@code [LEVEL] message}, or the bare message when logged without a level. */
    TEXT,
    /** One JSON object per line: {@code timestamp}, {@code level}, {@code message}, {@code AWSRequestId}. */
    JSON
}
