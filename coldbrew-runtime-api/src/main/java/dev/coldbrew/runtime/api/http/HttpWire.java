package dev.coldbrew.runtime.api.http;

import dev.coldbrew.runtime.api.RuntimeApi;
import java.nio.charset.StandardCharsets;

/** Serialises request heads (RFC 9112 §3) and rejects field values that would break the framing. */
final class HttpWire {
    private HttpWire() {}

    /**
     * The request line and header fields of {@code request}, ending with the blank line; {@code chunked} adds
     * {@code Transfer-Encoding: chunked}, otherwise a body gets its {@code Content-Length}.
     */
    static byte[] head(HttpRequest request, String hostHeader, boolean chunked) {
        StringBuilder head = new StringBuilder(256);
        head.append(request.method())
                .append(' ')
                .append(request.path())
                .append(' ')
                .append(RuntimeApi.HTTP_VERSION)
                .append("\r\n");
        field(head, RuntimeApi.HEADER_HOST, hostHeader);
        field(head, RuntimeApi.HEADER_USER_AGENT, RuntimeApi.USER_AGENT);
        HttpHeaders headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            field(head, headers.name(i), headers.value(i));
        }
        if (chunked) {
            field(head, RuntimeApi.HEADER_TRANSFER_ENCODING, RuntimeApi.TRANSFER_ENCODING_CHUNKED);
        } else if (request.body() != null) {
            field(head, RuntimeApi.HEADER_CONTENT_LENGTH, Integer.toString(request.body().length));
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void field(StringBuilder head, String name, String value) {
        requireFieldValue(name, value);
        head.append(name).append(": ").append(value).append("\r\n");
    }

    /** Rejects names that are not tokens and values with CR, LF, NUL or non-Latin-1 characters. */
    static void requireFieldValue(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("write HTTP header failed: empty field name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                throw new IllegalArgumentException(
                        "write HTTP header failed: field name '" + name + "' has character " + (int) c);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0xff) {
                throw new IllegalArgumentException("write HTTP header '" + name + "' failed: value '" + value
                        + "' has character " + (int) c + " at index " + i);
            }
        }
    }
}
