package dev.coldbrew.local.apigateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as API Gateway hands it to a proxy integration.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, starting with {@code /}
 * @param rawQuery the query string as sent, without {@code ?}; empty if none
 * @param headers the headers by name as sent, with every value
 * @param body the request body, empty if none
 * @param sourceIp the caller's address
 */
public record ProxyRequest(
        String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, String sourceIp) {

    /** The last value of a header, by name in any case, or null. */
    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().getLast();
            }
        }
        return null;
    }

    /** True if the body is not valid UTF-8 text: API Gateway then hands it to the function in base64. */
    boolean bodyIsBinary() {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    /** The body as the event's {@code body} field: text, base64 when binary, null when empty. */
    String eventBody() {
        if (body.length == 0) {
            return null;
        }
        return bodyIsBinary() ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
    }
}
