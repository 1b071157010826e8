package example.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An unchanged AWS stream handler: reports what its AWS Context says. */
public final class AwsStream implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        context.getLogger().log("aws-stream handling " + context.getAwsRequestId(), LogLevel.INFO);
        String reply = context.getAwsRequestId() + "|" + context.getFunctionName() + "|" + context.getFunctionVersion()
                + "|" + context.getMemoryLimitInMB() + "|" + context.getInvokedFunctionArn() + "|"
                + context.getLogGroupName() + "|" + context.getIdentity().getIdentityId() + "|"
                + context.getClientContext().getClient().getAppTitle() + "|"
                + context.getClientContext().getCustom().get("k") + "|" + context.getTenantId() + "|"
                + context.getXrayTraceId() + "|" + (context.getRemainingTimeInMillis() > 0) + "|"
                + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        out.write(reply.getBytes(StandardCharsets.UTF_8));
    }
}
