package dev.coldbrew.local.environment;

import dev.coldbrew.local.cgroup.EnvironmentCgroup;
import dev.coldbrew.local.function.FunctionConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Lambda's platform log lines other than REPORT (invoke-api-and-environment.md §4.1, exact formats). */
final class PlatformLines {
    private PlatformLines() {}

    static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: " + EnvironmentVariables.VERSION_LATEST;
    }

    /**
     * Opens an environment's log as Lambda's {@code INIT_START Runtime Version: java:21.v38\tRuntime Version ARN:
     * …} does; the local Lambda names its runtime kind and the CPU of Init and of invokes instead of an ARN.
     */
    static String initStart(FunctionConfig function, InitCpu initCpu, boolean limited) {
        String line = "INIT_START Runtime Version: coldbrew-local:"
                + function.runtime().id();
        if (!limited) {
            return line + "\tCPU: not limited";
        }
        int mb = function.memoryMb();
        return line + "\tInit CPU: " + initCpu.describe(mb) + "\tInvoke CPU: "
                + InitCpu.vcpuText(EnvironmentCgroup.invokeVcpus(mb)) + " vCPU";
    }

    static String end(String requestId) {
        return "END RequestId: " + requestId;
    }

    /** {@code INIT_REPORT Init Duration: 10007.33 ms\tPhase: init\tStatus: timeout}. */
    static String initReport(double durationMs, String phase, String status, String errorType) {
        String line = String.format(
                Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: %s\tStatus: %s", durationMs, phase, status);
        return errorType == null ? line : line + "\tError Type: " + errorType;
    }

    /** {@code <timestamp> <id> Task timed out after 3.00 seconds}. */
    static String timedOut(String requestId, double timeoutSeconds) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + requestId + " " + timeoutMessage(timeoutSeconds);
    }

    static String timeoutMessage(double timeoutSeconds) {
        return String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeoutSeconds);
    }

    /** {@code RequestId: <id> Error: Runtime exited with error: signal: killed}. */
    static String exited(String requestId, String exitDescription) {
        return "RequestId: " + requestId + " Error: Runtime exited with error: " + exitDescription;
    }
}
