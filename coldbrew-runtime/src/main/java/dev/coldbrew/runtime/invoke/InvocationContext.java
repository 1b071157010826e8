package dev.coldbrew.runtime.invoke;

import dev.coldbrew.runtime.ClientContext;
import dev.coldbrew.runtime.CognitoIdentity;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.FunctionLogger;
import dev.coldbrew.runtime.logging.InvocationLogger;
import dev.coldbrew.runtime.logging.LogWriter;
import dev.coldbrew.runtime.spi.Invocation;

/**
 * The {@link Context} of one invocation. The client context and Cognito identity are parsed from their JSON on
 * first access (most functions never ask); malformed JSON then throws an exception naming the header.
 */
public final class InvocationContext implements Context {
    private final FunctionConfig function;
    private final Invocation invocation;
    private final LogWriter log;
    private final boolean priming;
    private FunctionLogger logger;
    private ClientContext clientContext;
    private CognitoIdentity cognitoIdentity;

    public InvocationContext(FunctionConfig function, Invocation invocation, LogWriter log) {
        this(function, invocation, log, false);
    }

    /** The context of {@code invocation}, which is a priming event during Init when {@code priming} is true. */
    public InvocationContext(FunctionConfig function, Invocation invocation, LogWriter log, boolean priming) {
        this.function = function;
        this.invocation = invocation;
        this.log = log;
        this.priming = priming;
    }

    @Override
    public String requestId() {
        return invocation.requestId();
    }

    @Override
    public long deadlineMs() {
        return invocation.deadlineMs();
    }

    @Override
    public long remainingTimeMillis() {
        return Math.max(0, invocation.deadlineMs() - System.currentTimeMillis());
    }

    @Override
    public String invokedFunctionArn() {
        return invocation.invokedFunctionArn();
    }

    @Override
    public String functionName() {
        return function.functionName();
    }

    @Override
    public String functionVersion() {
        return function.functionVersion();
    }

    @Override
    public int memoryLimitMb() {
        return function.memoryMb();
    }

    @Override
    public String logGroupName() {
        return function.logGroupName();
    }

    @Override
    public String logStreamName() {
        return function.logStreamName();
    }

    @Override
    public ClientContext clientContext() {
        if (clientContext == null) {
            clientContext = ClientContext.parse(invocation.clientContext());
        }
        return clientContext;
    }

    @Override
    public CognitoIdentity cognitoIdentity() {
        if (cognitoIdentity == null) {
            cognitoIdentity = CognitoIdentity.parse(invocation.cognitoIdentity());
        }
        return cognitoIdentity;
    }

    @Override
    public String tenantId() {
        return invocation.tenantId();
    }

    @Override
    public String traceId() {
        return invocation.traceId();
    }

    @Override
    public FunctionLogger logger() {
        if (logger == null) {
            logger = new InvocationLogger(log, invocation.requestId(), invocation.tenantId());
        }
        return logger;
    }

    @Override
    public boolean priming() {
        return priming;
    }

    @Override
    public String toString() {
        return "Context[requestId=" + requestId() + ", function=" + functionName() + "]";
    }
}
