package dev.coldbrew.pack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Lambda runtime a package is made for. */
public enum Target {
    /** OS-only runtime: the zip brings its own Java runtime and an executable {@code bootstrap}. */
    PROVIDED_AL2023("provided.al2023"),
    /** Lambda's managed Java 25 runtime: the zip holds {@code lib/*.jar}; Lambda brings the JVM. */
    JAVA25("java25"),
    /** Lambda's managed Java 21 runtime: the zip holds {@code lib/*.jar}; Lambda brings the JVM. */
    JAVA21("java21");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    /** The runtime identifier as Lambda and SAM write it. */
    public String id() {
        return id;
    }

    /** True for Lambda's managed Java runtimes. */
    public boolean isManagedJava() {
        return this != PROVIDED_AL2023;
    }

    /**
     * Parses {@code provided.al2023}, {@code java25} or {@code java21}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Target parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Target t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + value + "': valid targets are "
                + Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", ")));
    }
}
