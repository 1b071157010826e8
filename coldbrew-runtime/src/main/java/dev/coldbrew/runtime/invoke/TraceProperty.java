package dev.coldbrew.runtime.invoke;

import dev.coldbrew.runtime.api.RuntimeApi;

/**
 * The X-Ray trace header of the current invocation as the system property {@code com.amazonaws.xray.traceHeader},
 * where the AWS X-Ray SDK for Java reads it; a Java process cannot set {@code _X_AMZN_TRACE_ID} in its own
 * environment, so this is what AWS's Java runtime does too.
 */
public final class TraceProperty {
    private TraceProperty() {}

    /** Sets the property to {@code traceId}, or clears it when the invocation is not traced. */
    public static void set(String traceId) {
        if (traceId == null) {
            System.clearProperty(RuntimeApi.XRAY_TRACE_PROPERTY);
        } else {
            System.setProperty(RuntimeApi.XRAY_TRACE_PROPERTY, traceId);
        }
    }
}
