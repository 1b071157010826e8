package dev.coldbrew.examples.sin;

import java.nio.charset.StandardCharsets;

/** The seed's second workload: a tight loop on {@link Math#sin}, whose result is returned so it cannot be elided. */
public final class Sin {
    private static final double NANOS_PER_MS = 1e6;

    public SinResult run(SinRequest request) {
        long start = System.nanoTime();
        double x = request.x();
        for (long i = 0; i < request.iterations(); i++) {
            x = Math.sin(x);
        }
        return new SinResult(request.iterations(), x, (System.nanoTime() - start) / NANOS_PER_MS);
    }

    /** The final x after the iterations, and the time the loop took. */
    public record SinResult(long iterations, double x, double computeMs) {
        /** {@code {"iterations":10000000,"x":5.4e-4,"computeMs":80.1}}. */
        public byte[] toJson() {
            return ("{\"iterations\":" + iterations + ",\"x\":" + x + ",\"computeMs\":" + computeMs + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
