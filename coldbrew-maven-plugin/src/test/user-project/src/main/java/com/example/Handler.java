package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** An ordinary AWS handler of JSON maps, as a user writes it. */
public class Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        context.getLogger().log("greeting " + event.get("name"));
        return Map.of("greeting", System.getenv("GREETING") + ", " + event.get("name"), "function",
                context.getFunctionName());
    }
}
