package dev.coldbrew.startup.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hello function as most Java functions are written for AWS: a {@code RequestHandler} on POJOs, so the
 * runtime needs a JSON library before the first invoke. Run unchanged by AWS's client and by coldbrew's generic
 * {@code Main} with coldbrew-json.
 */
public final class HelloPojoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        context.getLogger().log("hello: " + input.size() + " fields for " + context.getAwsRequestId());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("message", "Hello from coldbrew");
        reply.put("requestId", context.getAwsRequestId());
        reply.put("fields", input.size());
        return reply;
    }
}
