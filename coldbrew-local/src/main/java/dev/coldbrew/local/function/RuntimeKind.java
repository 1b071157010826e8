package dev.coldbrew.local.function;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an execution environment starts the function's runtime process. */
public enum RuntimeKind {
    /** {@code provided.al2023}: exec {@code ./bootstrap} in the code directory. */
    PROVIDED("provided.al2023", "provided.al2", "provided"),
    /**
     * Lambda's managed {@code java17} runtime: AWS's runtime interface client runs {@code _HANDLER}, as on
     * {@code java21}; only {@code AWS_EXECUTION_ENV} ({@code AWS_Lambda_java17}) tells them apart locally, since
     * Lambda gives both the same JVM flags (serial GC, tiered compilation stopped at C1).
     */
    JAVA17("java17"),
    /** Lambda's managed {@code java21} runtime: AWS's runtime interface client runs {@code _HANDLER}. */
    JAVA21("java21"),
    /** Lambda's managed {@code java25} runtime: AWS's runtime interface client runs {@code _HANDLER}. */
    JAVA25("java25"),
    /** coldbrew's runtime on a JVM: {@code java -cp <code>/lib/*:<code> dev.coldbrew.runtime.Main}. */
    COLDBREW("coldbrew"),
    /**
     * Lambda's go1.x runtime: exec the executable named by the handler with {@code _LAMBDA_SERVER_PORT}, then
     * call it over Go {@code net/rpc} ({@code Function.Ping}, {@code Function.Invoke}).
     */
    GO1X("go1.x");

    private final List<String> names;

    RuntimeKind(String... names) {
        this.names = List.of(names);
    }

    /** The identifier as written in a SAM template or on the command line, e.g. {@code provided.al2023}. */
    public String id() {
        return names.getFirst();
    }

    /**
     * True for Lambda's managed Java runtimes, whose runtime client writes each log call as one framed record to
     * the telemetry log descriptor Lambda hands it ({@code _LAMBDA_TELEMETRY_LOG_FD}).
     */
    public boolean hasTelemetryLog() {
        return isManagedJava();
    }

    /** True for Lambda's managed Java runtimes ({@code java17}, {@code java21}, {@code java25}). */
    public boolean isManagedJava() {
        return this == JAVA17 || this == JAVA21 || this == JAVA25;
    }

    /** True for the kinds that run on a JVM and read classes from the code directory. */
    public boolean isJava() {
        return isManagedJava() || this == COLDBREW;
    }

    /**
     * Parses a runtime identifier ({@code provided.al2023}, {@code java17}, {@code java21}, {@code java25},
     * {@code coldbrew},
     * {@code go1.x}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static RuntimeKind parse(String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (RuntimeKind kind : values()) {
                if (kind.names.contains(wanted)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + value + "': valid runtimes are " + validNames());
    }

    /** Every runtime's identifier ({@link #id()}), comma-separated, in declaration order: for usage texts. */
    public static String ids() {
        return Arrays.stream(values()).map(RuntimeKind::id).collect(Collectors.joining(", "));
    }

    private static String validNames() {
        return Arrays.stream(values()).flatMap(k -> k.names.stream()).collect(Collectors.joining(", "));
    }
}
