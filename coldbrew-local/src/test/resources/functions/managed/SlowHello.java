import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An aws-lambda-java-core handler for AWS's runtime interface client on Lambda Managed Instances: with
 * {@code "together": n} in the event it waits (at most 20 s) until n invocations are inside it at once, and answers
 * its {@code id}, the pid and whether they were.
 */
public class SlowHello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Object LOCK = new Object();
    private static CountDownLatch together;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        boolean met = true;
        if (input.get("together") instanceof Number n) {
            CountDownLatch latch;
            synchronized (LOCK) {
                if (together == null || together.getCount() == 0) {
                    together = new CountDownLatch(n.intValue());
                }
                latch = together;
            }
            latch.countDown();
            try {
                met = latch.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                met = false;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", input.get("id"));
        out.put("pid", ProcessHandle.current().pid());
        out.put("together", met);
        out.put("requestId", context.getAwsRequestId());
        return out;
    }
}
