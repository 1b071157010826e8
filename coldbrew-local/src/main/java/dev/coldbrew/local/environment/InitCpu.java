package dev.coldbrew.local.environment;

import dev.coldbrew.local.cgroup.EnvironmentCgroup;
import java.util.Locale;

/**
 * The CPU an execution environment gets during its Init phase (spawn → first {@code /next}, including an init
 * retried inside the first invoke). The invoke always gets Lambda's share, memory / 1,769 MB of a vCPU.
 *
 * <p>Lambda does not throttle Init to the memory size: public REPORT lines of a java25 hello world read an Init
 * Duration of 258 / 247 / 256 ms at 128 / 256 / 1,024 MB while its first invoke reads 217 / 89 / 10.6 ms
 * (lambda-measured-on-aws.md). {@link #LAMBDA}, the default, therefore gives Init every vCPU Lambda makes
 * visible at that memory size (2 up to 3,008 MB, then one more per 1,769 MB: measured by rwnx/lambda-cpuinfo,
 * invoke-api-and-environment.md §4.3); on a host with fewer cores that is the whole host.
 *
 * @param mode {@code lambda}, {@code invoke} (Init throttled like the invoke) or {@code fixed}
 * @param fixedVcpus the vCPUs of the {@code fixed} mode, else 0
 */
public record InitCpu(String mode, double fixedVcpus) {

    /** Init at the vCPUs Lambda exposes for the memory size: Lambda's behaviour, the default. */
    public static final InitCpu LAMBDA = new InitCpu("lambda", 0);
    /** Init throttled like the invoke (memory / 1,769 MB of a vCPU): how a naive emulator runs it. */
    public static final InitCpu INVOKE = new InitCpu("invoke", 0);

    /** The smallest fixed share: the CFS quota's 1 ms per 100 ms period. */
    static final double MIN_VCPUS = 0.01;
    /** The largest fixed share: Lambda's 6 vCPUs at 10,240 MB. */
    static final double MAX_VCPUS = 6;

    public InitCpu {
        if (!mode.equals("lambda") && !mode.equals("invoke") && !mode.equals("fixed")) {
            throw new IllegalArgumentException("init CPU mode must be lambda, invoke or fixed, got '" + mode + "'");
        }
        if (mode.equals("fixed") && !(fixedVcpus >= MIN_VCPUS && fixedVcpus <= MAX_VCPUS)) {
            throw new IllegalArgumentException(
                    "init CPU must be between " + MIN_VCPUS + " and " + MAX_VCPUS + " vCPUs, got " + fixedVcpus);
        }
    }

    /**
     * Parses {@code --init-cpu}: {@code lambda}, {@code invoke}, or a number of vCPUs such as {@code 1} or
     * {@code 1.5}.
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static InitCpu parse(String value) {
        return switch (value) {
            case "lambda" -> LAMBDA;
            case "invoke" -> INVOKE;
            default -> {
                try {
                    yield new InitCpu("fixed", Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--init-cpu must be lambda, invoke or a number of vCPUs ("
                            + MIN_VCPUS + "–" + MAX_VCPUS + "), got '" + value + "'");
                }
            }
        };
    }

    /** The vCPUs of Init for a function of {@code memoryMb}. */
    public double vcpus(int memoryMb) {
        return switch (mode) {
            case "lambda" -> visibleVcpus(memoryMb);
            case "invoke" -> EnvironmentCgroup.invokeVcpus(memoryMb);
            default -> fixedVcpus;
        };
    }

    /** The vCPUs Lambda makes visible to a function of {@code memoryMb} (§4.3, measured). */
    static int visibleVcpus(int memoryMb) {
        if (memoryMb <= 3008) {
            return 2;
        }
        if (memoryMb <= 5307) {
            return 3;
        }
        if (memoryMb <= 7076) {
            return 4;
        }
        return memoryMb <= 8845 ? 5 : 6;
    }

    /** For log lines: {@code lambda (2 vCPUs)}. */
    public String describe(int memoryMb) {
        return String.format(Locale.ROOT, "%s (%s vCPU)", mode, vcpuText(vcpus(memoryMb)));
    }

    /** {@code 2}, {@code 0.145}: vCPUs to three decimals at most. */
    public static String vcpuText(double vcpus) {
        return vcpus == Math.rint(vcpus)
                ? Long.toString((long) vcpus)
                : String.format(Locale.ROOT, "%.3f", vcpus).replaceAll("0+$", "");
    }
}
