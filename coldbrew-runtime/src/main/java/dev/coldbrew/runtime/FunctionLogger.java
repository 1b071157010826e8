package dev.coldbrew.runtime;

/**
 * The function's logger, from {@link Context#logger()}: writes to standard output, where Lambda collects it, in
 * the format chosen by {@code AWS_LAMBDA_LOG_FORMAT} ({@code TEXT}: {@code [LEVEL] message}; {@code JSON}: one
 * object per line with timestamp, level, message and request id). Messages below {@code AWS_LAMBDA_LOG_LEVEL} are
 * dropped; messages logged without a level are never dropped.
 */
public interface FunctionLogger {
    /** Logs {@code message} without a level. */
    void log(String message);

    /** Logs {@code message} at {@code level}, unless the level is filtered out. */
    void log(LogLevel level, String message);

    /** True when messages at {@code level} are written. */
    boolean isEnabled(LogLevel level);
}
