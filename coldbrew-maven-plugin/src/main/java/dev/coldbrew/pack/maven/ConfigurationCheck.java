package dev.coldbrew.pack.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Unknown configuration fails the build. Maven 3.8 and 3.9 ignore a {@code <configuration>} element that names no
 * parameter, and a {@code -D} property that no parameter reads, without a word: a misspelt {@code <memory>} would
 * give a 512 MB function nobody asked for.
 */
final class ConfigurationCheck {
    /** Names users try, and the parameter each one means. */
    static final Map<String, String> LIKELY_MEANT = Map.of(
            "memory", "memoryMb",
            "memorySize", "memoryMb",
            "timeout", "timeoutSeconds",
            "name", "functionName",
            "main", "mainClass",
            "env", "environment",
            "runtime", "target",
            "native", "nativeImage",
            "output", "outputDirectory");

    /** The property a project may use for coldbrew's version (the README's snippet does), set with -D too. */
    static final String VERSION_PROPERTY = "coldbrew.version";

    private ConfigurationCheck() {}

    /**
     * The message for the elements of {@code configured} that are not parameters, or null when all are.
     *
     * @param configured the element names under {@code <configuration>} (plugin level and this execution's)
     * @param known the parameters' names and aliases
     * @param shown the parameters a user may set, listed in the message
     */
    static String unknownElements(Collection<String> configured, Set<String> known, Collection<String> shown) {
        List<String> unknown = new ArrayList<>();
        for (String name : configured) {
            if (!known.contains(name) && !unknown.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder("unknown configuration ");
        for (int i = 0; i < unknown.size(); i++) {
            String name = unknown.get(i);
            message.append(i == 0 ? "" : ", ").append('<').append(name).append('>');
            String meant = LIKELY_MEANT.get(name);
            if (meant != null) {
                message.append(" (did you mean <").append(meant).append(">?)");
            }
        }
        return message.append(": coldbrew:package's parameters are ")
                .append(String.join(", ", new TreeSet<>(shown)))
                .toString();
    }

    /**
     * The message for {@code -Dcoldbrew.*} user properties that no parameter reads, or null when there are none.
     *
     * @param userProperties the names of the build's user properties
     * @param known the properties the parameters read ({@code coldbrew.memoryMb}, …)
     */
    static String unknownProperties(Collection<String> userProperties, Set<String> known) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : userProperties) {
            if (name.startsWith("coldbrew.") && !known.contains(name) && !name.equals(VERSION_PROPERTY)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return "unknown user propert" + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown)
                + ": coldbrew:package reads " + String.join(", ", new TreeSet<>(known));
    }
}
