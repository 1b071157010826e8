import dev.coldbrew.runtime.LambdaRuntime;
import java.nio.charset.StandardCharsets;

/**
 * A function on coldbrew's runtime that answers with the tenant id its {@code Context} holds and the pid of its
 * environment: {@code {"tenant":"blue","pid":123}} ({@code "tenant":null} without one). An event holding
 * {@code sleep} makes it wait 2 s first.
 */
public final class Tenant {
    public static void main(String[] args) {
        long pid = ProcessHandle.current().pid();
        LambdaRuntime.run((event, context) -> {
            if (new String(event, StandardCharsets.UTF_8).contains("sleep")) {
                Thread.sleep(2_000);
            }
            String tenant = context.tenantId();
            context.logger().log("serving tenant " + tenant);
            String json = "{\"tenant\":" + (tenant == null ? "null" : "\"" + tenant + "\"") + ",\"pid\":" + pid + "}";
            return json.getBytes(StandardCharsets.UTF_8);
        });
    }
}
