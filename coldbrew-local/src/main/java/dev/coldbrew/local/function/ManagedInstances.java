package dev.coldbrew.local.function;

import java.util.regex.Pattern;

/**
 * A function's Lambda Managed Instances configuration: CloudFormation's
 * {@code CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig} (SAM's {@code CapacityProviderConfig}),
 * of which the local Lambda uses only the concurrency: up to {@code maxConcurrency} invocations run at once in one
 * execution environment ({@code AWS_LAMBDA_MAX_CONCURRENCY}).
 *
 * <p>Ranges as Lambda's API reference gives them ({@code API_LambdaManagedInstancesCapacityProviderConfig}):
 * {@code PerExecutionEnvironmentMaxConcurrency} 1 to 1,600, {@code ExecutionEnvironmentMemoryGiBPerVCpu} 2.0 to 8.0,
 * {@code CapacityProviderArn} required, at most 140 characters, of the form
 * {@code arn:aws:lambda:<region>:<account>:capacity-provider:<name>}. The capacity provider means nothing locally
 * (no instances are started): it is only kept and shown in {@code GetFunction}. An ARN that a template writes as an
 * intrinsic function ({@code !GetAtt MyProvider.Arn}) cannot be resolved locally and is kept as written.
 *
 * @param capacityProviderArn the capacity provider, as written
 * @param maxConcurrency {@code PerExecutionEnvironmentMaxConcurrency}
 * @param memoryGiBPerVcpu {@code ExecutionEnvironmentMemoryGiBPerVCpu}
 */
public record ManagedInstances(String capacityProviderArn, int maxConcurrency, double memoryGiBPerVcpu) {

    public static final int MIN_MAX_CONCURRENCY = 1;
    public static final int MAX_MAX_CONCURRENCY = 1_600;
    public static final double MIN_GIB_PER_VCPU = 2.0;
    public static final double MAX_GIB_PER_VCPU = 8.0;
    /** Lambda's default {@code ExecutionEnvironmentMemoryGiBPerVCpu}. */
    public static final double DEFAULT_GIB_PER_VCPU = 2.0;
    /**
     * The default {@code PerExecutionEnvironmentMaxConcurrency} per vCPU of a Java function (Lambda Managed Instances
     * Java runtime page: 32 per vCPU); the local Lambda uses it for every runtime it runs on Managed Instances.
     */
    public static final int DEFAULT_CONCURRENCY_PER_VCPU = 32;
    /** The ARN the local Lambda shows when none is given on the command line. */
    public static final String LOCAL_CAPACITY_PROVIDER = "local";

    private static final int MAX_ARN_LENGTH = 140;
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d:\\d{12}:capacity-provider:"
                    + "[a-zA-Z0-9-_]+");

    public ManagedInstances {
        if (capacityProviderArn == null || capacityProviderArn.isBlank()) {
            throw new IllegalArgumentException("Managed Instances: a capacity provider ARN is required");
        }
        if (maxConcurrency < MIN_MAX_CONCURRENCY || maxConcurrency > MAX_MAX_CONCURRENCY) {
            throw new IllegalArgumentException("Managed Instances: PerExecutionEnvironmentMaxConcurrency "
                    + maxConcurrency + " is outside " + MIN_MAX_CONCURRENCY + ".." + MAX_MAX_CONCURRENCY);
        }
        if (!(memoryGiBPerVcpu >= MIN_GIB_PER_VCPU && memoryGiBPerVcpu <= MAX_GIB_PER_VCPU)) {
            throw new IllegalArgumentException("Managed Instances: ExecutionEnvironmentMemoryGiBPerVCpu "
                    + memoryGiBPerVcpu + " is outside " + MIN_GIB_PER_VCPU + ".." + MAX_GIB_PER_VCPU);
        }
    }

    /** {@code maxConcurrency} invocations at once per environment, on no particular capacity provider. */
    public static ManagedInstances of(int maxConcurrency) {
        return new ManagedInstances(LOCAL_CAPACITY_PROVIDER, maxConcurrency, DEFAULT_GIB_PER_VCPU);
    }

    /**
     * Checks a capacity provider ARN written as text against Lambda's pattern.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static String requireArn(String arn) {
        if (arn == null || arn.length() > MAX_ARN_LENGTH || !ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("capacity provider ARN '" + arn + "' is not of the form"
                    + " arn:aws:lambda:<region>:<12-digit account>:capacity-provider:<name> (at most 140 characters)");
        }
        return arn;
    }

    /**
     * Lambda's default {@code PerExecutionEnvironmentMaxConcurrency} for an environment of {@code memoryMb}:
     * {@link #DEFAULT_CONCURRENCY_PER_VCPU} per vCPU, an environment having {@code memoryMb / (memoryGiBPerVcpu
     * GiB)} vCPUs (at least one).
     */
    public static int defaultMaxConcurrency(int memoryMb, double memoryGiBPerVcpu) {
        int vcpus = (int) Math.max(1, Math.floor(memoryMb / (memoryGiBPerVcpu * 1024)));
        return Math.min(MAX_MAX_CONCURRENCY, vcpus * DEFAULT_CONCURRENCY_PER_VCPU);
    }

    /**
     * True for the runtimes Lambda runs on Managed Instances: Java 21 and later, {@code provided.al2023}, and
     * coldbrew's own runtime. {@link RuntimeKind#PROVIDED} stands for {@code provided.al2023} here; a runtime written
     * as {@code provided.al2} or {@code provided} is checked as written ({@link #supports(String)}).
     */
    public static boolean supports(RuntimeKind runtime) {
        return switch (runtime) {
            case JAVA21, JAVA25, COLDBREW, PROVIDED -> true;
            case JAVA17, GO1X -> false;
        };
    }

    /**
     * True for a runtime as written in a SAM template or a {@code --function} flag that Lambda runs on Managed
     * Instances: of the {@code provided} family only {@code provided.al2023}, Lambda's only OS-only runtime there.
     *
     * @throws IllegalArgumentException for an unknown runtime, naming it
     */
    public static boolean supports(String runtimeAsWritten) {
        RuntimeKind kind = RuntimeKind.parse(runtimeAsWritten);
        return supports(kind) && (kind != RuntimeKind.PROVIDED || kind.id().equalsIgnoreCase(runtimeAsWritten.trim()));
    }

    /**
     * Checks {@code runtimeAsWritten} against the runtimes Lambda runs on Managed Instances.
     *
     * @throws IllegalArgumentException naming the function and the runtime as written
     */
    public static void requireSupported(String function, String runtimeAsWritten) {
        if (!supports(runtimeAsWritten)) {
            throw unsupported(function, runtimeAsWritten);
        }
    }

    /** The error for a function whose runtime Lambda does not run on Managed Instances. */
    static IllegalArgumentException unsupported(String function, String runtime) {
        return new IllegalArgumentException("function " + function + ": runtime " + runtime
                + " does not run on Lambda Managed Instances (Java 21 and later, provided.al2023 do)");
    }
}
