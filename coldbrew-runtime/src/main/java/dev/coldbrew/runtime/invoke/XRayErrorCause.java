package dev.coldbrew.runtime.invoke;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The X-Ray error cause of a handler exception, sent in {@code Lambda-Runtime-Function-XRay-Error-Cause}:
 * {@code {"working_directory": …, "exceptions": [{"message", "type", "stack": [{"path", "line", "label"}]}],
 * "paths": [file names]}} (shape from the Runtime API reference, §4), in ASCII so it fits a header. The stack holds
 * the frames {@link ErrorRequests} keeps.
 */
public final class XRayErrorCause {
    private XRayErrorCause() {}

    public static String of(Throwable error, String workingDirectory) {
        StringBuilder json = new StringBuilder(512);
        Set<String> paths = new LinkedHashSet<>();
        json.append('{');
        member(json, RuntimeApi.FIELD_WORKING_DIRECTORY);
        JsonWriter.asciiString(json, workingDirectory == null ? "" : workingDirectory);
        json.append(',');
        member(json, RuntimeApi.FIELD_EXCEPTIONS).append('[');
        exception(json, error, paths);
        json.append("],");
        member(json, RuntimeApi.FIELD_PATHS).append('[');
        boolean first = true;
        for (String path : paths) {
            json.append(first ? "" : ",");
            JsonWriter.asciiString(json, path);
            first = false;
        }
        return json.append("]}").toString();
    }

    private static void exception(StringBuilder json, Throwable error, Set<String> paths) {
        json.append('{');
        member(json, RuntimeApi.FIELD_MESSAGE);
        JsonWriter.asciiString(json, ErrorRequests.message(error));
        json.append(',');
        member(json, RuntimeApi.FIELD_TYPE);
        JsonWriter.asciiString(json, error.getClass().getName());
        json.append(',');
        member(json, RuntimeApi.FIELD_STACK).append('[');
        boolean first = true;
        for (StackTraceElement frame : ErrorRequests.userFrames(error)) {
            String path = frame.getFileName() == null ? frame.getClassName() : frame.getFileName();
            paths.add(path);
            json.append(first ? "{" : ",{");
            member(json, RuntimeApi.FIELD_PATH);
            JsonWriter.asciiString(json, path);
            json.append(',');
            member(json, RuntimeApi.FIELD_LINE).append(frame.getLineNumber()).append(',');
            member(json, RuntimeApi.FIELD_LABEL);
            JsonWriter.asciiString(json, frame.getMethodName());
            json.append('}');
            first = false;
        }
        json.append("]}");
    }

    private static StringBuilder member(StringBuilder json, String name) {
        JsonWriter.asciiString(json, name);
        return json.append(':');
    }
}
