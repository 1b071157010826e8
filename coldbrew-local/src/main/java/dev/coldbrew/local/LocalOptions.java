package dev.coldbrew.local;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the local Lambda runs its environments. Immutable; start from {@link #defaults()} and use the
 * {@code with*} methods.
 *
 * @param idleExpiry an environment idle this long is stopped (its next invoke is a cold start)
 * @param bindAddress the address the Invoke API and every Runtime API server bind to (loopback by default)
 * @param logSink receives every log line: function output, START/END/REPORT/INIT_REPORT
 * @param cgroupRoot where the cgroup hierarchies are mounted ({@code /sys/fs/cgroup})
 * @param cgroupParent the coldbrew-owned parent cgroup name under every hierarchy
 * @param enforceLimits use cgroups when they are writable; false runs without limits
 * @param freezeBetweenInvokes freeze an idle environment's cgroup between invokes, as Lambda does
 * @param freezeDelay how long an environment stays idle before it is frozen (zero: at once, as Lambda)
 * @param awsRuntimeClasspath jars of AWS's runtime interface client, for the {@code java21}/{@code java25} kinds
 * @param javaHome the JVM that runs the Java kinds
 * @param region {@code AWS_REGION} given to functions and used in ARNs
 * @param accountConcurrency concurrent environments of a function without reserved concurrency
 * @param initTimeout the init phase limit before init is retried inside the first invoke (10 s on Lambda)
 * @param initCpu the CPU an environment gets during Init ({@link InitCpu#LAMBDA}: not throttled, as on Lambda)
 */
public record LocalOptions(
        Duration idleExpiry,
        InetAddress bindAddress,
        Consumer<String> logSink,
        Path cgroupRoot,
        String cgroupParent,
        boolean enforceLimits,
        boolean freezeBetweenInvokes,
        Duration freezeDelay,
        List<Path> awsRuntimeClasspath,
        Path javaHome,
        String region,
        int accountConcurrency,
        Duration initTimeout,
        InitCpu initCpu) {

    /** Lambda keeps idle environments for minutes; the local default keeps them 10 minutes. */
    public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofMinutes(10);

    /**
     * Environments are frozen after 20 ms idle: back-to-back invokes then skip a freeze and a thaw each (a thaw
     * write takes ~1.8 ms on cgroup v1), while background work stops almost as soon as on Lambda.
     */
    public static final Duration DEFAULT_FREEZE_DELAY = Duration.ofMillis(20);

    public static final Path DEFAULT_CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    public static final String DEFAULT_CGROUP_PARENT = "coldbrew";
    public static final String DEFAULT_REGION = "us-east-1";
    /** Lambda's default account concurrency per Region. */
    public static final int DEFAULT_ACCOUNT_CONCURRENCY = 1_000;
    /** Lambda's init phase limit for on-demand environments (docs lambda-runtime-environment). */
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

    public LocalOptions {
        Objects.requireNonNull(idleExpiry, "idleExpiry");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(logSink, "logSink");
        Objects.requireNonNull(cgroupRoot, "cgroupRoot");
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(initCpu, "initCpu");
        if (freezeDelay == null || freezeDelay.isNegative()) {
            throw new IllegalArgumentException("freeze delay must be zero or positive, got " + freezeDelay);
        }
        if (cgroupParent == null || !cgroupParent.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("invalid cgroup parent name '" + cgroupParent + "'");
        }
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("idle expiry must be positive, got " + idleExpiry);
        }
        if (accountConcurrency < 1) {
            throw new IllegalArgumentException("account concurrency must be at least 1, got " + accountConcurrency);
        }
        awsRuntimeClasspath = List.copyOf(awsRuntimeClasspath);
        region = Objects.requireNonNullElse(region, DEFAULT_REGION);
    }

    /** Loopback, limits enforced where possible, log lines to standard error. */
    public static LocalOptions defaults() {
        return new LocalOptions(
                DEFAULT_IDLE_EXPIRY,
                InetAddress.getLoopbackAddress(),
                System.err::println,
                DEFAULT_CGROUP_ROOT,
                DEFAULT_CGROUP_PARENT,
                true,
                true,
                DEFAULT_FREEZE_DELAY,
                List.of(),
                Path.of(System.getProperty("java.home")),
                DEFAULT_REGION,
                DEFAULT_ACCOUNT_CONCURRENCY,
                DEFAULT_INIT_TIMEOUT,
                InitCpu.LAMBDA);
    }

    public LocalOptions withIdleExpiry(Duration value) {
        return new LocalOptions(
                value,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withBindAddress(InetAddress value) {
        return new LocalOptions(
                idleExpiry,
                value,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withLogSink(Consumer<String> value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                value,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withEnforceLimits(boolean value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                value,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withFreezeBetweenInvokes(boolean value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                value,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withFreezeDelay(Duration value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                value,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withAwsRuntimeClasspath(List<Path> value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                value,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withJavaHome(Path value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                value,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withRegion(String value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                value,
                accountConcurrency,
                initTimeout,
                initCpu);
    }

    public LocalOptions withAccountConcurrency(int value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                value,
                initTimeout,
                initCpu);
    }

    public LocalOptions withInitTimeout(Duration value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                value,
                initCpu);
    }

    /** The CPU of the Init phase: {@link InitCpu#LAMBDA} (Lambda's, the default) or another model. */
    public LocalOptions withInitCpu(InitCpu value) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                cgroupRoot,
                cgroupParent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                value);
    }

    /** Where cgroups are mounted and the name of coldbrew's parent cgroup in each hierarchy. */
    public LocalOptions withCgroups(Path root, String parent) {
        return new LocalOptions(
                idleExpiry,
                bindAddress,
                logSink,
                root,
                parent,
                enforceLimits,
                freezeBetweenInvokes,
                freezeDelay,
                awsRuntimeClasspath,
                javaHome,
                region,
                accountConcurrency,
                initTimeout,
                initCpu);
    }
}
