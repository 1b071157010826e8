package dev.coldbrew.runtime;

/** Log levels of the function logger, in increasing severity, as {@code AWS_LAMBDA_LOG_LEVEL} names them. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    FATAL
}
