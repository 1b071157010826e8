package dev.coldbrew.local.apigateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One route of a SAM {@code Api} or {@code HttpApi} event: a method ({@link #ANY} for every method) and a path
 * template such as {@code /items/{id}} or {@code /files/{proxy+}}, served by a function with the proxy event of
 * {@code format}.
 *
 * @param functionName the function that answers
 * @param method an HTTP method in upper case, or {@link #ANY}
 * @param path the path template: literal segments, {@code {name}} for one segment, {@code {name+}} as the last
 *     segment for the rest of the path
 * @param format the proxy event's shape
 * @param source where the route was declared, e.g. {@code Hello.Events.Api}
 */
public record ApiRoute(String functionName, String method, String path, PayloadFormat format, String source) {

    /** The method of a route that takes every method. */
    public static final String ANY = "ANY";

    /** The path of an HTTP API's catch-all route, which takes every request no other route takes. */
    public static final String DEFAULT_ROUTE = "$default";

    /** The proxy integration's event and response shape. */
    public enum PayloadFormat {
        /** REST APIs ({@code Api}) and {@code HttpApi} with {@code PayloadFormatVersion: "1.0"}. */
        V1("1.0"),
        /** {@code HttpApi}'s default. */
        V2("2.0");

        private final String version;

        PayloadFormat(String version) {
            this.version = version;
        }

        public String version() {
            return version;
        }

        /**
         * {@code 1.0} or {@code 2.0}.
         *
         * @throws IllegalArgumentException naming the value
         */
        public static PayloadFormat parse(String value) {
            for (PayloadFormat f : values()) {
                if (f.version.equals(value)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("payload format version '" + value + "' is neither 1.0 nor 2.0");
        }
    }

    public ApiRoute {
        Objects.requireNonNull(functionName, "functionName");
        method = method == null || method.isBlank() || method.equalsIgnoreCase("any")
                ? ANY
                : method.trim().toUpperCase(Locale.ROOT);
        path = requirePath(path);
        Objects.requireNonNull(format, "format");
    }

    private static String requirePath(String path) {
        if (DEFAULT_ROUTE.equals(path)) {
            return path;
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' must start with '/'");
        }
        List<String> segments = segments(path);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).endsWith("+}") && i != segments.size() - 1) {
                throw new IllegalArgumentException(
                        "route path '" + path + "': a greedy {name+} segment must be the last one");
            }
        }
        return path;
    }

    /** {@code GET /items/{id}}, as API Gateway writes a route key. */
    public String routeKey() {
        return path.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE : method + " " + path;
    }

    /**
     * The path parameters when {@code requestPath} (decoded, starting with {@code /}) and {@code requestMethod}
     * match this route, else null.
     */
    public Map<String, String> match(String requestMethod, String requestPath) {
        if (path.equals(DEFAULT_ROUTE)) {
            return Map.of();
        }
        if (!method.equals(ANY) && !method.equals(requestMethod)) {
            return null;
        }
        List<String> template = segments(path);
        List<String> actual = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                parameters.put(t.substring(1, t.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return parameters;
            }
            if (i >= actual.size()) {
                return null;
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                parameters.put(t.substring(1, t.length() - 1), actual.get(i));
            } else if (!t.equals(actual.get(i))) {
                return null;
            }
        }
        return template.size() == actual.size() ? parameters : null;
    }

    /**
     * How specific the route is, higher first: literal segments outrank parameters, parameters outrank a greedy
     * segment, a method outranks {@link #ANY} (API Gateway's rule for overlapping routes).
     */
    int specificity() {
        if (path.equals(DEFAULT_ROUTE)) {
            return -1;
        }
        int score = 0;
        for (String s : segments(path)) {
            score = score * 3 + (s.endsWith("+}") ? 0 : s.startsWith("{") ? 1 : 2);
        }
        return score * 2 + (method.equals(ANY) ? 0 : 1);
    }

    private static List<String> segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/+"));
    }
}
