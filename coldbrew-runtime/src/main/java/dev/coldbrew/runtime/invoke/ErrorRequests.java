package dev.coldbrew.runtime.invoke;

import dev.coldbrew.runtime.api.ErrorRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a throwable into the Runtime API's error body as AWS's Java runtime does: {@code errorMessage} is the
 * localized message (or the class name when there is none), {@code errorType} the fully-qualified class name,
 * {@code stackTrace} the handler's frames as {@link StackTraceElement#toString()}, followed by
 * {@code "Caused by: type: message"} and the frames of each cause. The handler's frames are those above the
 * runtime's call into it ({@link HandlerInvoker}) without coldbrew's and reflection's own: whatever drives the
 * invoker (the Runtime API loop, the go1.x server, a thread pool, {@code main}) is not the handler's, so every
 * transport reports the same frames for the same failure.
 */
public final class ErrorRequests {
    /** Causes followed at most, against cycles and absurd chains. */
    static final int MAX_CAUSES = 10;

    private static final String[] HIDDEN_FRAME_PREFIXES = {
        "dev.coldbrew.runtime.", "jdk.internal.reflect.", "java.lang.reflect.", "java.lang.invoke."
    };

    /** The class whose frame calls the handler: the frames below it are the runtime's and its transport's. */
    private static final String INVOKER = HandlerInvoker.class.getName();

    private ErrorRequests() {}

    public static ErrorRequest from(Throwable error) {
        return from(error, error.getClass().getName());
    }

    /** An error body with {@code errorType} in place of the class name. */
    public static ErrorRequest from(Throwable error, String errorType) {
        List<String> trace = new ArrayList<>();
        frames(error, trace);
        Throwable cause = error.getCause();
        for (int i = 0; cause != null && cause != error && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            trace.add("Caused by: " + cause.getClass().getName() + ": " + message(cause));
            frames(cause, trace);
        }
        return new ErrorRequest(message(error), errorType, trace);
    }

    /** The localized message of {@code error}, or its class name when it has none. */
    static String message(Throwable error) {
        String message = error.getLocalizedMessage();
        return message == null ? error.getClass().getName() : message;
    }

    private static void frames(Throwable error, List<String> trace) {
        for (StackTraceElement frame : userFrames(error)) {
            trace.add(frame.toString());
        }
    }

    /**
     * The frames of {@code error} above the runtime's call into the handler, without coldbrew's and reflection's
     * own (all of them when the trace does not pass through the invoker, as for a failure made on another thread).
     */
    static List<StackTraceElement> userFrames(Throwable error) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : error.getStackTrace()) {
            String className = frame.getClassName();
            if (className.equals(INVOKER)) {
                break;
            }
            if (!hidden(className)) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static boolean hidden(String className) {
        for (String prefix : HIDDEN_FRAME_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
