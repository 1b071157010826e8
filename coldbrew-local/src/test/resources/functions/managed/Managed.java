import dev.coldbrew.runtime.LambdaRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda Managed Instances function on coldbrew's runtime ({@code AWS_LAMBDA_MAX_CONCURRENCY} loops). The event
 * {@code {"id":"a","together":3,"holdUntil":"/tmp/f","sleepMs":100,"crashMs":200}} (every field optional): with
 * {@code together} the invocation waits (at most 20 s) until that many invocations are inside the handler at once, and
 * says whether they were; {@code holdUntil} waits (at most 30 s) until that file exists; {@code sleepMs} sleeps; {@code crashMs} ends the whole process after that long. It answers
 * {@code {"id":"a","pid":123,"together":true,"maxConcurrency":"3","initType":"…","logFormat":"JSON"}}.
 */
public final class Managed {
    private static final Object LOCK = new Object();
    private static CountDownLatch together;

    public static void main(String[] args) {
        long pid = ProcessHandle.current().pid();
        LambdaRuntime.run((event, context) -> {
            String text = new String(event, StandardCharsets.UTF_8);
            String id = text(text, "id");
            context.logger().log("entered " + id);
            boolean met = true;
            long n = number(text, "together");
            if (n > 0) {
                CountDownLatch latch;
                synchronized (LOCK) {
                    if (together == null || together.getCount() == 0) {
                        together = new CountDownLatch((int) n);
                    }
                    latch = together;
                }
                latch.countDown();
                met = latch.await(20, TimeUnit.SECONDS);
            }
            String hold = text(text, "holdUntil");
            for (int i = 0; i < 600 && !hold.isEmpty() && !Files.exists(Path.of(hold)); i++) {
                Thread.sleep(50);
            }
            long crash = number(text, "crashMs");
            if (crash > 0) {
                Thread.sleep(crash);
                Runtime.getRuntime().halt(3);
            }
            long sleep = number(text, "sleepMs");
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
            context.logger().log("served " + id);
            String json = "{\"id\":\"" + id + "\",\"pid\":" + pid + ",\"together\":" + met
                    + ",\"maxConcurrency\":\"" + System.getenv("AWS_LAMBDA_MAX_CONCURRENCY")
                    + "\",\"initType\":\"" + System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE")
                    + "\",\"logFormat\":\"" + System.getenv("AWS_LAMBDA_LOG_FORMAT") + "\"}";
            return json.getBytes(StandardCharsets.UTF_8);
        });
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
