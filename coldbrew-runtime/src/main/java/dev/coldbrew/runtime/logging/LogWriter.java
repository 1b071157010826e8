package dev.coldbrew.runtime.logging;

import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.LogFormat;
import dev.coldbrew.runtime.LogLevel;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.io.PrintStream;

/**
 * Writes function log lines to one stream in the configured format, dropping those below the minimum level.
 * {@code TEXT}: {@code [LEVEL] message} (the bare message without a level), as AWS's Java runtime writes them.
 * {@code JSON}: {@code {"timestamp":"…Z","message":…,"level":…,"AWSRequestId":…,"tenantId":…}}, one per line,
 * the level and tenant id only when there is one.
 */
public final class LogWriter {
    private final LogFormat format;
    private final LogLevel minimum;
    private final PrintStream out;

    /** {@code minimum} null means nothing is filtered. */
    public LogWriter(LogFormat format, LogLevel minimum, PrintStream out) {
        this.format = format;
        this.minimum = minimum;
        this.out = out;
    }

    /** A writer to standard output with the function's format and level. */
    public static LogWriter stdout(FunctionConfig function) {
        return new LogWriter(function.logFormat(), function.logLevel(), System.out);
    }

    public boolean isEnabled(LogLevel level) {
        return minimum == null || level.compareTo(minimum) >= 0;
    }

    /** Writes one record; {@code level} null means "no level" and is never filtered. */
    public void write(LogLevel level, String message, String requestId, String tenantId) {
        if (level != null && !isEnabled(level)) {
            return;
        }
        String line = format == LogFormat.JSON
                ? json(level, message, requestId, tenantId, System.currentTimeMillis())
                : text(level, message);
        out.println(line);
    }

    static String text(LogLevel level, String message) {
        return level == null ? message : "[" + level.name() + "] " + message;
    }

    static String json(LogLevel level, String message, String requestId, String tenantId, long epochMs) {
        StringBuilder sb = new StringBuilder(96 + (message == null ? 4 : message.length()));
        JsonWriter json = JsonWriter.object(sb)
                .field("timestamp", Timestamps.iso8601Millis(epochMs))
                .field("message", message);
        if (level != null) {
            json.field("level", level.name());
        }
        json.field("AWSRequestId", requestId);
        if (tenantId != null) {
            json.field("tenantId", tenantId);
        }
        return json.end().toString();
    }
}
