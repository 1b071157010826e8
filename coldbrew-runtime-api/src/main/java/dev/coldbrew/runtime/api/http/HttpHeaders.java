package dev.coldbrew.runtime.api.http;

import java.util.ArrayList;
import java.util.List;

/**
 * HTTP header fields in the order they were added; names compare case-insensitively (RFC 9110 §5.1). A plain
 * list, not a map: a handful of headers is searched faster than a map is built.
 */
public final class HttpHeaders {
    private final List<String> namesAndValues = new ArrayList<>(16);

    /** No fields yet. */
    public HttpHeaders() {}

    /** Adds a field; repeated names are kept. */
    public HttpHeaders add(String name, String value) {
        namesAndValues.add(name);
        namesAndValues.add(value);
        return this;
    }

    /** The value of the first field named {@code name} (any case), or null. */
    public String first(String name) {
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                return namesAndValues.get(i + 1);
            }
        }
        return null;
    }

    public int size() {
        return namesAndValues.size() / 2;
    }

    public String name(int index) {
        return namesAndValues.get(2 * index);
    }

    public String value(int index) {
        return namesAndValues.get(2 * index + 1);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(name(i)).append(": ").append(value(i));
        }
        return sb.append('}').toString();
    }
}
