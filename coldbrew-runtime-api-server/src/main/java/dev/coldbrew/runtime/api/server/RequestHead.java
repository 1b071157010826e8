package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One request line and its header (or, after a chunked body, trailer) fields as {@link Http11Server} reads them
 * (RFC 9112 §2-3, §5): CRLF-terminated lines (a bare LF is accepted as the end of a line), within the server's
 * {@link Http11Options.Limits}: never more bytes than they allow are read into memory.
 *
 * @param target the request target as sent (origin form, e.g. {@code /2018-06-01/runtime/invocation/next})
 */
record RequestHead(String method, String target, String version, Headers headers) {
    /** Bytes of a line's start that a refusal quotes. */
    private static final int QUOTED_BYTES = 64;

    /**
     * A request head the server refuses: {@link Http11Options.Refuser} words the reply from {@link #problem()} and
     * {@code getMessage()}, then the connection closes.
     */
    static class Malformed extends IOException {
        private static final long serialVersionUID = 1L;
        private final Http11Options.Problem problem;
        private final String target;

        Malformed(String message) {
            this(Http11Options.Problem.MALFORMED_HEAD, message, null);
        }

        Malformed(Http11Options.Problem problem, String message, String target) {
            super(message);
            this.problem = problem;
            this.target = target;
        }

        Http11Options.Problem problem() {
            return problem;
        }

        /** The request target, or null when the request line was not read. */
        String target() {
            return target;
        }

        Malformed at(String requestTarget) {
            return new Malformed(problem, getMessage(), requestTarget);
        }
    }

    /** A line over its limit; {@code start} is what was read of it, at most {@link #QUOTED_BYTES}. */
    private static final class LineTooLong extends Malformed {
        private static final long serialVersionUID = 1L;
        private final String start;

        LineTooLong(int limit, String start) {
            super(Http11Options.Problem.HEAD_OVER_LIMITS, "a line longer than " + limit + " bytes", null);
            this.start = start;
        }
    }

    /**
     * Reads the next request head within {@code limits}, or returns null when the peer closed the connection
     * between requests.
     */
    static RequestHead read(InputStream in, Http11Options.Limits limits) throws IOException {
        int lineLimit = Math.min(limits.maxLineBytes(), limits.maxHeadBytes());
        String line;
        do {
            try {
                line = line(in, true, lineLimit); // RFC 9112 §2.2: empty lines before a request line are ignored
            } catch (LineTooLong e) {
                throw new Malformed(
                        Http11Options.Problem.HEAD_OVER_LIMITS,
                        "request line over the limit of " + lineLimit + " bytes: more than " + lineLimit
                                + " bytes read ('" + e.start + "…')",
                        null);
            }
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        if (first <= 0 || last == first || !line.startsWith("HTTP/1.", last + 1)) {
            throw new Malformed("malformed request line '" + line + "'");
        }
        String target = line.substring(first + 1, last);
        try {
            Headers headers = fields(in, limits, limits.maxHeadBytes() - line.length() - 2);
            return new RequestHead(line.substring(0, first), target, line.substring(last + 1), headers);
        } catch (Malformed e) {
            throw e.at(target);
        }
    }

    /** Trailer fields up to the blank line that ends them, within the {@link Http11Options.Limits#DEFAULT} limits. */
    static Headers fields(InputStream in) throws IOException {
        return fields(in, Http11Options.Limits.DEFAULT, Http11Options.Limits.DEFAULT.maxHeadBytes());
    }

    /** Header or trailer fields up to the blank line that ends them, in at most {@code budget} bytes. */
    private static Headers fields(InputStream in, Http11Options.Limits limits, int budget) throws IOException {
        Headers fields = new Headers();
        int left = budget;
        for (int count = 0; ; count++) {
            String field = fieldLine(in, limits, left);
            if (field.isEmpty()) {
                return fields;
            }
            left -= field.length() + 2;
            int colon = field.indexOf(':');
            if (count == limits.maxFields()) {
                throw new Malformed(
                        Http11Options.Problem.HEAD_OVER_LIMITS,
                        "request head over the limit of " + limits.maxFields() + " header fields: field " + (count + 1)
                                + " is '" + name(field) + "'",
                        null);
            }
            if (colon <= 0 || Character.isWhitespace(field.charAt(colon - 1))) {
                throw new Malformed("malformed field '" + field + "'");
            }
            fields.add(field.substring(0, colon), field.substring(colon + 1).strip());
        }
    }

    /** One field line in at most {@code left} bytes of the head and {@code maxLineBytes} of its own. */
    private static String fieldLine(InputStream in, Http11Options.Limits limits, int left) throws IOException {
        int limit = Math.max(0, Math.min(limits.maxLineBytes(), left - 2));
        try {
            return line(in, false, limit);
        } catch (LineTooLong e) {
            String what = limit == limits.maxLineBytes()
                    ? "header field '" + name(e.start) + "' over the limit of " + limit + " bytes per line: more than "
                            + limit + " bytes read"
                    : "request head over the limit of " + limits.maxHeadBytes() + " bytes: more than "
                            + limits.maxHeadBytes() + " bytes read, the last in header field '" + name(e.start) + "'";
            throw new Malformed(Http11Options.Problem.HEAD_OVER_LIMITS, what, null);
        }
    }

    /** A field's name, or its first bytes when no colon was read. */
    private static String name(String field) {
        int colon = field.indexOf(':');
        return colon > 0 ? field.substring(0, colon) : field + "…";
    }

    /** True when the connection must close after this request (HTTP/1.0 without keep-alive, or {@code close}). */
    boolean closesConnection() {
        String connection = headers.getFirst("Connection");
        if (version.equals("HTTP/1.0")) {
            return connection == null || !connection.equalsIgnoreCase("keep-alive");
        }
        return connection != null && connection.equalsIgnoreCase("close");
    }

    /** As {@link #line(InputStream, boolean, int)} with the default limit on a line, for chunk lines. */
    static String line(InputStream in, boolean endAllowed) throws IOException {
        return line(in, endAllowed, Http11Options.Limits.DEFAULT.maxLineBytes());
    }

    /**
     * One line without its end; null at the end of the stream before any byte when {@code endAllowed}.
     *
     * @throws IOException when the stream ends inside the line or the line is longer than {@code limit} bytes
     */
    private static String line(InputStream in, boolean endAllowed, int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new IOException("the connection closed inside a line after " + line.size() + " bytes");
            }
            if (line.size() >= limit && !(b == '\r' && line.size() == limit)) {
                byte[] start = line.toByteArray();
                throw new LineTooLong(
                        limit, new String(start, 0, Math.min(start.length, QUOTED_BYTES), StandardCharsets.ISO_8859_1));
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
