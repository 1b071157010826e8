package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.coldbrew.runtime.Context;
import java.util.Map;

/** coldbrew's {@link Context} seen through AWS's {@code com.amazonaws.services.lambda.runtime.Context}. */
public final class AwsContext implements com.amazonaws.services.lambda.runtime.Context {
    private final Context context;

    public AwsContext(Context context) {
        this.context = context;
    }

    @Override
    public String getAwsRequestId() {
        return context.requestId();
    }

    @Override
    public String getLogGroupName() {
        return context.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return context.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return context.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return context.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return context.invokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        dev.coldbrew.runtime.CognitoIdentity identity = context.cognitoIdentity();
        return identity == null ? null : new Identity(identity);
    }

    @Override
    public ClientContext getClientContext() {
        dev.coldbrew.runtime.ClientContext client = context.clientContext();
        return client == null ? null : new AwsClientContext(client);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.min(Integer.MAX_VALUE, context.remainingTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return context.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new AwsLogger(context.logger());
    }

    @Override
    public String getTenantId() {
        return context.tenantId();
    }

    @Override
    public String getXrayTraceId() {
        return context.traceId();
    }

    private record Identity(dev.coldbrew.runtime.CognitoIdentity identity) implements CognitoIdentity {
        @Override
        public String getIdentityId() {
            return identity.identityId();
        }

        @Override
        public String getIdentityPoolId() {
            return identity.identityPoolId();
        }
    }

    private record AwsClientContext(dev.coldbrew.runtime.ClientContext context) implements ClientContext {
        @Override
        public Client getClient() {
            dev.coldbrew.runtime.ClientContext.Client client = context.client();
            return client == null ? null : new AwsClient(client);
        }

        @Override
        public Map<String, String> getCustom() {
            return context.custom();
        }

        @Override
        public Map<String, String> getEnvironment() {
            return context.environment();
        }
    }

    private record AwsClient(dev.coldbrew.runtime.ClientContext.Client client) implements Client {
        @Override
        public String getInstallationId() {
            return client.installationId();
        }

        @Override
        public String getAppTitle() {
            return client.appTitle();
        }

        @Override
        public String getAppVersionName() {
            return client.appVersionName();
        }

        @Override
        public String getAppVersionCode() {
            return client.appVersionCode();
        }

        @Override
        public String getAppPackageName() {
            return client.appPackageName();
        }
    }
}
