package dev.coldbrew.runtime.logging;

import dev.coldbrew.runtime.FunctionLogger;
import dev.coldbrew.runtime.LogLevel;

/** The {@link FunctionLogger} of one invocation: a {@link LogWriter} plus the request and tenant id. */
public final class InvocationLogger implements FunctionLogger {
    private final LogWriter writer;
    private final String requestId;
    private final String tenantId;

    public InvocationLogger(LogWriter writer, String requestId, String tenantId) {
        this.writer = writer;
        this.requestId = requestId;
        this.tenantId = tenantId;
    }

    @Override
    public void log(String message) {
        writer.write(null, message, requestId, tenantId);
    }

    @Override
    public void log(LogLevel level, String message) {
        writer.write(level, message, requestId, tenantId);
    }

    @Override
    public boolean isEnabled(LogLevel level) {
        return writer.isEnabled(level);
    }
}
