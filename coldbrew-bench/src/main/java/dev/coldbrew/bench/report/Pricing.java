package dev.coldbrew.bench.report;

import java.math.BigDecimal;

/**
 * Lambda's published on-demand price for x86 functions in us-east-1 (aws.amazon.com/lambda/pricing, first pricing
 * tier, as listed in November 2026): per GB-second of billed duration × memory size, plus per request.
 */
public final class Pricing {
    public static final double USD_PER_GB_SECOND = 0.0000166667;
    public static final double USD_PER_MILLION_REQUESTS = 0.20;
    public static final String REGION = "us-east-1";
    public static final String ARCHITECTURE = "x86_64";
    public static final String AS_OF = "2026-11";
    private static final double MB_PER_GB = 1024;
    private static final double MS_PER_S = 1000;
    private static final double MILLION = 1_000_000;

    private Pricing() {}

    /** Cost of one million invocations that each bill {@code billedMs} at {@code memoryMb}. */
    public static double usdPerMillion(double billedMs, int memoryMb) {
        return MILLION * (billedMs / MS_PER_S) * (memoryMb / MB_PER_GB) * USD_PER_GB_SECOND + USD_PER_MILLION_REQUESTS;
    }

    public static String statement() {
        return "$" + BigDecimal.valueOf(USD_PER_GB_SECOND).toPlainString() + " per GB-second and $"
                + String.format("%.2f", USD_PER_MILLION_REQUESTS) + " per 1M requests (AWS Lambda, " + REGION + ", "
                + ARCHITECTURE + ", price list as of " + AS_OF + ")";
    }
}
