package dev.coldbrew.runtime.testing;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request the runtime sent to the fake Runtime API, as received: method, path, headers (names compared
 * case-insensitively) and body.
 *
 * @param requestId the invocation id from the path, or null for {@code /init/error} and other paths
 */
public record RuntimeRequest(
        String method, String path, String requestId, Map<String, List<String>> headers, byte[] body) {
    public RuntimeRequest {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body of an error report, parsed. */
    public ErrorRequest errorRequest() {
        return ErrorRequest.fromJson(body);
    }

    /** The {@code Lambda-Runtime-Function-Error-Type} header, or null. */
    public String errorType() {
        return header(RuntimeApi.HEADER_FUNCTION_ERROR_TYPE);
    }

    @Override
    public String toString() {
        return method + " " + path + " " + headers + " (" + body.length + " bytes)";
    }
}
