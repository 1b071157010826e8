package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The status, headers and cookies a streamed response gives an HTTP caller (Lambda function URLs with
 * {@code RESPONSE_STREAM}, API Gateway streaming): a JSON prelude {@code {"statusCode", "headers", "cookies"}}
 * followed by 8 NUL bytes, then the body. Write it first, from a handler served with
 * {@code LambdaRuntime.runStreaming(handler, RuntimeApi.CONTENT_TYPE_HTTP_INTEGRATION)}; API Gateway requires it
 * within the first 16 KB.
 *
 * @param statusCode the HTTP status, 100 to 599
 * @param headers response headers
 * @param cookies {@code Set-Cookie} values
 */
public record HttpResponsePrelude(int statusCode, Map<String, String> headers, List<String> cookies) {
    public HttpResponsePrelude {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException(
                    "HTTP response prelude: status code " + statusCode + " is not in 100..599");
        }
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** Writes the prelude and the delimiter to {@code out} and flushes, so the caller sees the status at once. */
    public void writeTo(OutputStream out) throws IOException {
        StringBuilder json = new StringBuilder(128);
        JsonWriter.object(json)
                .field(RuntimeApi.FIELD_STATUS_CODE, statusCode)
                .field(RuntimeApi.FIELD_HEADERS, new java.util.TreeMap<>(headers))
                .field(RuntimeApi.FIELD_COOKIES, cookies)
                .end();
        out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        out.write(new byte[RuntimeApi.HTTP_PRELUDE_DELIMITER_BYTES]);
        out.flush();
    }
}
