package dev.coldbrew.runtime.api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to the members of a parsed JSON object; a member of the wrong type is a {@link JsonException}. */
public final class JsonFields {
    private final Map<String, Object> object;
    private final String what;

    /** {@code what} names the message in errors, e.g. {@code "ErrorRequest"}. */
    public JsonFields(Map<String, Object> object, String what) {
        this.object = object;
        this.what = what;
    }

    /** Parses {@code json} as an object. */
    public static JsonFields parse(String json, String what) {
        try {
            return new JsonFields(JsonReader.parseObject(json), what);
        } catch (JsonException e) {
            throw new JsonException("read " + what + " failed: " + e.getMessage());
        }
    }

    public boolean has(String name) {
        return object.containsKey(name);
    }

    /** The string member {@code name}, or null when absent or JSON null. */
    public String string(String name) {
        Object value = object.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(name, "a string", value);
    }

    /** The object member {@code name}, or null when absent or JSON null. */
    @SuppressWarnings("unchecked")
    public JsonFields object(String name) {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return new JsonFields((Map<String, Object>) map, what + "." + name);
        }
        throw wrongType(name, "an object", value);
    }

    /** The members of this object whose values are strings (others are skipped). */
    public Map<String, String> stringMembers() {
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            if (member.getValue() instanceof String s) {
                strings.put(member.getKey(), s);
            }
        }
        return strings;
    }

    /**
     * The member {@code name} as a list of strings: an array's elements (non-strings rendered as their JSON-ish
     * text), a single string as one element, absent or null as an empty list.
     */
    public List<String> strings(String name) {
        Object value = object.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>(list.size());
            for (Object element : list) {
                strings.add(String.valueOf(element));
            }
            return strings;
        }
        throw wrongType(name, "an array of strings", value);
    }

    private JsonException wrongType(String name, String expected, Object value) {
        return new JsonException("read " + what + " failed: member '" + name + "' should be " + expected + " but is "
                + value.getClass().getSimpleName() + " " + value);
    }
}
