import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** An aws-lambda-java-core handler, run by AWS's runtime interface client inside the local Lambda. */
public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (input.containsKey("fail")) {
            throw new IllegalStateException("asked to fail");
        }
        context.getLogger().log("first record, no newline");
        context.getLogger().log("second record\nof two lines\n");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hello", input.get("name"));
        out.put("requestId", context.getAwsRequestId());
        out.put("function", context.getFunctionName());
        out.put("memory", context.getMemoryLimitInMB());
        out.put("remainingMs", context.getRemainingTimeInMillis());
        out.put("tenant", context.getTenantId());
        out.put("executionEnv", System.getenv("AWS_EXECUTION_ENV"));
        out.put("jvmFlags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return out;
    }
}
