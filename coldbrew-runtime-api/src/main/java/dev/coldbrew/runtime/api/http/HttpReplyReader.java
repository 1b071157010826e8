package dev.coldbrew.runtime.api.http;

import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 replies (RFC 9112) from one connection, strictly: a status line of the form
 * {@code HTTP/1.x NNN reason}, CRLF-terminated header fields, then a body framed by {@code Content-Length},
 * {@code Transfer-Encoding: chunked} (with trailers) or the end of the connection. A reply cut off anywhere is
 * an {@link HttpException} that says how far it got; it is never returned as a reply.
 */
final class HttpReplyReader {
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 256;
    /** Largest body accepted in a reply: far above any Lambda payload, low enough to fail before memory does. */
    static final long MAX_BODY_BYTES = 256L * 1024 * 1024;
    /**
     * Most interim (1xx) replies skipped before the final one. The client never sends {@code Expect}, so a peer has
     * no reason to send more than an odd {@code 103 Early Hints}; an endless stream of them is an error, not work.
     */
    static final int MAX_INTERIM_REPLIES = 8;

    private static final byte[] NO_BODY = new byte[0];

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private byte[] line = new byte[256];
    private int pos;
    private int limit;
    private String context;
    private long maxBodyBytes = MAX_BODY_BYTES;

    HttpReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the reply to {@code context} (e.g. {@code "GET /path to 127.0.0.1:9001"}). Up to
     * {@link #MAX_INTERIM_REPLIES} interim 1xx replies are skipped.
     */
    HttpReply read(String context) throws IOException {
        return read(context, MAX_BODY_BYTES);
    }

    /** Reads the reply to {@code context}, failing when its body is longer than {@code maxBodyBytes}. */
    HttpReply read(String context, long maxBodyBytes) throws IOException {
        this.context = context;
        this.maxBodyBytes = Math.min(maxBodyBytes, MAX_BODY_BYTES);
        for (int interim = 0; ; interim++) {
            String statusLine = statusLine();
            int status = status(statusLine);
            HttpHeaders headers = fields("header", statusLine);
            if (status >= 100 && status < 200) {
                if (interim == MAX_INTERIM_REPLIES) {
                    throw new HttpException(context + " failed: more than " + MAX_INTERIM_REPLIES
                            + " interim replies, the last '" + statusLine + "'");
                }
                continue;
            }
            String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
            return body(status, reason, headers, statusLine.startsWith("HTTP/1.0"));
        }
    }

    /** True when the connection must not be reused after {@code reply}. */
    static boolean closes(HttpReply reply, boolean http10) {
        String connection = reply.headers().first(RuntimeApi.HEADER_CONNECTION);
        return http10 || (connection != null && connection.equalsIgnoreCase(RuntimeApi.CONNECTION_CLOSE));
    }

    private String statusLine() throws IOException {
        try {
            if (pos == limit && !fill()) {
                throw new NoReplyException(context + " failed: the connection was closed before any reply byte", null);
            }
        } catch (NoReplyException e) {
            throw e;
        } catch (IOException e) {
            throw new NoReplyException(context + " failed before any reply byte: " + e, e);
        }
        return line("the status line", "nothing");
    }

    private int status(String statusLine) throws HttpException {
        boolean ok = statusLine.length() >= 12
                && statusLine.startsWith("HTTP/1.")
                && (statusLine.charAt(7) == '0' || statusLine.charAt(7) == '1')
                && statusLine.charAt(8) == ' '
                && isDigit(statusLine.charAt(9))
                && isDigit(statusLine.charAt(10))
                && isDigit(statusLine.charAt(11))
                && (statusLine.length() == 12 || statusLine.charAt(12) == ' ');
        if (!ok) {
            throw new HttpException(context + " failed: malformed status line '" + statusLine + "'");
        }
        return Integer.parseInt(statusLine, 9, 12, 10);
    }

    private HttpHeaders fields(String kind, String statusLine) throws IOException {
        HttpHeaders fields = new HttpHeaders();
        while (true) {
            String text = line("the " + kind + " fields", "'" + statusLine + "' and " + fields.size() + " fields");
            if (text.isEmpty()) {
                return fields;
            }
            if (fields.size() == MAX_FIELDS) {
                throw new HttpException(context + " failed: more than " + MAX_FIELDS + " " + kind + " fields");
            }
            addField(fields, text, kind);
        }
    }

    private void addField(HttpHeaders fields, String text, String kind) throws HttpException {
        int colon = text.indexOf(':');
        if (colon <= 0 || text.charAt(0) == ' ' || text.charAt(0) == '\t' || hasWhitespace(text, colon)) {
            throw new HttpException(context + " failed: malformed " + kind + " field '" + text + "'");
        }
        fields.add(text.substring(0, colon), trim(text, colon + 1));
    }

    private HttpReply body(int status, String reason, HttpHeaders headers, boolean http10) throws IOException {
        String transferEncoding = headers.first(RuntimeApi.HEADER_TRANSFER_ENCODING);
        String contentLength = singleContentLength(headers);
        HttpHeaders trailers = new HttpHeaders();
        byte[] body;
        if (status == 204 || status == 304) {
            body = NO_BODY;
        } else if (transferEncoding != null) {
            body = chunkedBody(transferEncoding, contentLength, trailers);
        } else if (contentLength != null) {
            body = exactly(contentLength(contentLength), "the body");
        } else {
            body = untilClose();
            http10 = true;
        }
        HttpReply reply = new HttpReply(status, reason, headers, body, trailers);
        return closes(reply, http10) ? withCloseMark(reply) : reply;
    }

    private static HttpReply withCloseMark(HttpReply reply) {
        if (reply.headers().first(RuntimeApi.HEADER_CONNECTION) == null) {
            reply.headers().add(RuntimeApi.HEADER_CONNECTION, RuntimeApi.CONNECTION_CLOSE);
        }
        return reply;
    }

    private byte[] chunkedBody(String transferEncoding, String contentLength, HttpHeaders trailers) throws IOException {
        if (!transferEncoding.equalsIgnoreCase(RuntimeApi.TRANSFER_ENCODING_CHUNKED)) {
            throw new HttpException(context + " failed: unsupported Transfer-Encoding '" + transferEncoding + "'");
        }
        if (contentLength != null) {
            throw new HttpException(
                    context + " failed: reply has both Transfer-Encoding and Content-Length '" + contentLength + "'");
        }
        ByteSink sink = new ByteSink();
        while (true) {
            long size = chunkSize(line("a chunk size line", sink.size + " body bytes"));
            if (size == 0) {
                HttpHeaders fields = fields("trailer", "last chunk");
                for (int i = 0; i < fields.size(); i++) {
                    trailers.add(fields.name(i), fields.value(i));
                }
                return sink.toArray();
            }
            if (sink.size + size > maxBodyBytes) {
                throw new HttpException(context + " failed: chunked body of at least " + (sink.size + size)
                        + " bytes exceeds " + maxBodyBytes + " bytes");
            }
            readInto(sink, (int) size, "a chunk");
            String end = line("the end of a chunk", sink.size + " body bytes");
            if (!end.isEmpty()) {
                throw new HttpException(
                        context + " failed: chunk of " + size + " bytes not followed by CRLF but '" + end + "'");
            }
        }
    }

    private long chunkSize(String text) throws HttpException {
        int end = text.indexOf(';');
        String hex = (end < 0 ? text : text.substring(0, end)).strip();
        if (hex.isEmpty() || hex.length() > 15) {
            throw new HttpException(context + " failed: malformed chunk size '" + text + "'");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new HttpException(context + " failed: malformed chunk size '" + text + "'");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    /** The Content-Length value; several fields must agree (RFC 9112 §6.3), or the framing is ambiguous. */
    private String singleContentLength(HttpHeaders headers) throws HttpException {
        String value = null;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(RuntimeApi.HEADER_CONTENT_LENGTH)) {
                if (value != null && !value.equals(headers.value(i))) {
                    throw new HttpException(context + " failed: conflicting Content-Length fields '" + value + "' and '"
                            + headers.value(i) + "'");
                }
                value = headers.value(i);
            }
        }
        return value;
    }

    private int contentLength(String value) throws HttpException {
        if (value.isEmpty() || value.length() > 12 || !allDigits(value)) {
            throw new HttpException(context + " failed: malformed Content-Length '" + value + "'");
        }
        long length = Long.parseLong(value);
        if (length > maxBodyBytes) {
            throw new HttpException(
                    context + " failed: Content-Length " + length + " exceeds " + maxBodyBytes + " bytes");
        }
        return (int) length;
    }

    /** A body of {@code length} bytes, held in a buffer that grows as bytes arrive, not sized by the peer's claim. */
    private byte[] exactly(int length, String what) throws IOException {
        ByteSink sink = new ByteSink();
        readInto(sink, length, what);
        return sink.toArray();
    }

    private void readInto(ByteSink sink, int length, String what) throws IOException {
        int done = 0;
        while (done < length) {
            if (pos == limit && !fill()) {
                throw new HttpException(context + " failed: the connection was closed in " + what + " after " + done
                        + " of " + length + " bytes");
            }
            int n = Math.min(length - done, limit - pos);
            sink.append(buffer, pos, n);
            pos += n;
            done += n;
        }
    }

    private byte[] untilClose() throws IOException {
        ByteSink sink = new ByteSink();
        while (pos < limit || fill()) {
            if (sink.size + (limit - pos) > maxBodyBytes) {
                throw new HttpException(context + " failed: body of at least " + (sink.size + limit - pos)
                        + " bytes exceeds " + maxBodyBytes + " bytes");
            }
            sink.append(buffer, pos, limit - pos);
            pos = limit;
        }
        return sink.toArray();
    }

    /** One CRLF-terminated line; {@code where} and {@code seen} describe the position for error messages. */
    private String line(String where, String seen) throws IOException {
        int n = 0;
        while (true) {
            if (pos == limit && !fill()) {
                throw new HttpException(context + " failed: the connection was closed in " + where + " after " + seen
                        + (n > 0 ? " and '" + latin1(n) + "'" : ""));
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                if (n == 0 || line[n - 1] != '\r') {
                    throw new HttpException(context + " failed: line without CR in " + where + ": '" + latin1(n) + "'");
                }
                return latin1(n - 1);
            }
            if (n == MAX_LINE_BYTES) {
                throw new HttpException(context + " failed: line longer than " + MAX_LINE_BYTES + " bytes in " + where);
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, n * 2));
            }
            line[n++] = b;
        }
    }

    private String latin1(int length) {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static String trim(String text, int from) {
        int start = from;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean hasWhitespace(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
