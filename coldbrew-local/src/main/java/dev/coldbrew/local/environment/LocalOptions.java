package dev.coldbrew.local.environment;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the local Lambda runs its environments. Immutable and validated once; {@link #builder()} starts from the
 * defaults.
 *
 * @param idleExpiry an environment idle this long is stopped (its next invoke is a cold start)
 * @param bindAddress the address the Invoke API and every Runtime API server bind to (loopback by default)
 * @param logSink receives every log line: function output, START/END/REPORT/INIT_REPORT
 * @param cgroupRoot where the cgroup hierarchies are mounted ({@code /sys/fs/cgroup})
 * @param cgroupParent the coldbrew-owned parent cgroup name under every hierarchy
 * @param enforceLimits use cgroups when they are writable; false runs without limits
 * @param freezeBetweenInvokes freeze an idle environment's cgroup between invokes, as Lambda does
 * @param freezeDelay how long an environment stays idle before it is frozen (zero: at once, as Lambda)
 * @param awsRuntimeClasspath jars of AWS's runtime interface client, for the managed Java kinds
 * @param javaHome the JVM that runs the Java kinds
 * @param region {@code AWS_REGION} given to functions and used in ARNs
 * @param accountConcurrency concurrent environments of a function without reserved concurrency
 * @param initTimeout the init phase limit before init is retried inside the first invoke (10 s on Lambda)
 * @param initCpu the CPU an environment gets during Init ({@link InitCpu#LAMBDA}: not throttled, as on Lambda)
 * @param sameUser run every environment as the user running the local Lambda, even as root (by default root runs
 *     each environment as a user of its own: {@link dev.coldbrew.local.isolation.EnvironmentUser})
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
        InitCpu initCpu,
        boolean sameUser) {

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
        return builder().build();
    }

    /** A builder holding the defaults ({@link #defaults()}); set what differs, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; {@link #build()} validates them once (the record's constructor). */
    public static final class Builder {
        private Duration idleExpiry = DEFAULT_IDLE_EXPIRY;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private Consumer<String> logSink = System.err::println;
        private Path cgroupRoot = DEFAULT_CGROUP_ROOT;
        private String cgroupParent = DEFAULT_CGROUP_PARENT;
        private boolean enforceLimits = true;
        private boolean freezeBetweenInvokes = true;
        private Duration freezeDelay = DEFAULT_FREEZE_DELAY;
        private List<Path> awsRuntimeClasspath = List.of();
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private String region = DEFAULT_REGION;
        private int accountConcurrency = DEFAULT_ACCOUNT_CONCURRENCY;
        private Duration initTimeout = DEFAULT_INIT_TIMEOUT;
        private InitCpu initCpu = InitCpu.LAMBDA;
        private boolean sameUser;

        private Builder() {}

        public Builder idleExpiry(Duration value) {
            idleExpiry = value;
            return this;
        }

        public Builder bindAddress(InetAddress value) {
            bindAddress = value;
            return this;
        }

        public Builder logSink(Consumer<String> value) {
            logSink = value;
            return this;
        }

        /** Where cgroups are mounted and the name of coldbrew's parent cgroup in each hierarchy. */
        public Builder cgroups(Path root, String parent) {
            cgroupRoot = root;
            cgroupParent = parent;
            return this;
        }

        public Builder enforceLimits(boolean value) {
            enforceLimits = value;
            return this;
        }

        public Builder freezeBetweenInvokes(boolean value) {
            freezeBetweenInvokes = value;
            return this;
        }

        public Builder freezeDelay(Duration value) {
            freezeDelay = value;
            return this;
        }

        public Builder awsRuntimeClasspath(List<Path> value) {
            awsRuntimeClasspath = value;
            return this;
        }

        public Builder javaHome(Path value) {
            javaHome = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder accountConcurrency(int value) {
            accountConcurrency = value;
            return this;
        }

        public Builder initTimeout(Duration value) {
            initTimeout = value;
            return this;
        }

        /** The CPU of the Init phase: {@link InitCpu#LAMBDA} (Lambda's, the default) or another model. */
        public Builder initCpu(InitCpu value) {
            initCpu = value;
            return this;
        }

        /** True: environments run as the current user even as root (no user of their own). */
        public Builder sameUser(boolean value) {
            sameUser = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the bad value
         * @throws NullPointerException naming the missing one
         */
        public LocalOptions build() {
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
                    initCpu,
                    sameUser);
        }
    }
}
