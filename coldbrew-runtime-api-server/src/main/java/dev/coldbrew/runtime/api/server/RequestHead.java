package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One request line and its header (or, after a chunked body, trailer) fields as {@link Http11Server} reads them
 * (RFC 9112 §2-3, §5): CRLF-terminated lines (a bare LF is accepted as the end of a line), at most
 * {@link #MAX_LINE_BYTES} each and {@link #MAX_FIELDS} fields.
 *
 * @param target the request target as sent (origin form, e.g. {@code /2018-06-01/runtime/invocation/next})
 */
record RequestHead(String method, String target, String version, Headers headers) {
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 256;

    /** A request head the server refuses: 400 with {@code getMessage()}, then the connection closes. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** Reads the next request head, or returns null when the peer closed the connection between requests. */
    static RequestHead read(InputStream in) throws IOException {
        String line;
        do {
            line = line(in, true); // RFC 9112 §2.2: empty lines before a request line are ignored
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        if (first <= 0 || last == first || !line.startsWith("HTTP/1.", last + 1)) {
            throw new Malformed("malformed request line '" + line + "'");
        }
        return new RequestHead(
                line.substring(0, first), line.substring(first + 1, last), line.substring(last + 1), fields(in));
    }

    /** Header or trailer fields up to the blank line that ends them. */
    static Headers fields(InputStream in) throws IOException {
        Headers fields = new Headers();
        for (int count = 0; ; count++) {
            String field = line(in, false);
            if (field.isEmpty()) {
                return fields;
            }
            int colon = field.indexOf(':');
            if (count == MAX_FIELDS || colon <= 0 || Character.isWhitespace(field.charAt(colon - 1))) {
                throw new Malformed(
                        count == MAX_FIELDS
                                ? "more than " + MAX_FIELDS + " fields"
                                : "malformed field '" + field + "'");
            }
            fields.add(field.substring(0, colon), field.substring(colon + 1).strip());
        }
    }

    /** True when the connection must close after this request (HTTP/1.0 without keep-alive, or {@code close}). */
    boolean closesConnection() {
        String connection = headers.getFirst("Connection");
        if (version.equals("HTTP/1.0")) {
            return connection == null || !connection.equalsIgnoreCase("keep-alive");
        }
        return connection != null && connection.equalsIgnoreCase("close");
    }

    /**
     * One line without its end; null at the end of the stream before any byte when {@code endAllowed}.
     *
     * @throws IOException when the stream ends inside the line or the line is too long
     */
    static String line(InputStream in, boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new IOException("the connection closed inside a line after " + line.size() + " bytes");
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new Malformed("a line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
