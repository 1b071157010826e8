package dev.coldbrew.examples.hello;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.LogLevel;
import java.nio.charset.StandardCharsets;

/**
 * Hello world on coldbrew: {@code main} registers the handler explicitly, so nothing is looked up by reflection.
 * Answers every event with {@code {"message":"Hello from coldbrew","requestId":"…","bytes":N}}, where N is the
 * size of the event.
 *
 * <p>A named class rather than a lambda: the first lambda bootstraps {@code java.lang.invoke}, which costs
 * start-up time before the first {@code GET /next}.
 */
public final class Hello implements BytesHandler {
    public static void main(String[] args) {
        LambdaRuntime.run(new Hello());
    }

    @Override
    public byte[] handle(byte[] event, Context context) {
        context.logger().log(LogLevel.INFO, "hello: " + event.length + " bytes for " + context.requestId());
        String reply = "{\"message\":\"Hello from coldbrew\",\"requestId\":\"" + context.requestId() + "\",\"bytes\":"
                + event.length + "}";
        return reply.getBytes(StandardCharsets.UTF_8);
    }
}
