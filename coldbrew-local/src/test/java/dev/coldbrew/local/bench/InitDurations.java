package dev.coldbrew.local.bench;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold starts of the echo function: REPORT Init Duration (spawn → first /next, measured by the local Lambda)
 * against the time the function's own process observes from its bootstrap script's start to the moment it sends
 * its first /next (both logged by the function with wall-clock nanoseconds).
 */
final class InitDurations {
    private InitDurations() {}

    private static final Pattern BOOTSTRAP = Pattern.compile("bootstrap-start (\\d+)");
    private static final Pattern FIRST_NEXT = Pattern.compile("first-next (\\d+)");

    static void measure(LocalLambda lambda, int coldStarts) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < coldStarts; i++) {
            lambda.stopEnvironments("echo");
            Instant before = Instant.now();
            InvocationResult result = lambda.invoke("echo", "{}".getBytes(StandardCharsets.UTF_8));
            long callNanos = before.getEpochSecond() * 1_000_000_000L + before.getNano();
            double report = result.report().initDurationMs().orElseThrow();
            double inside = (nanos(FIRST_NEXT, result.log()) - nanos(BOOTSTRAP, result.log())) / 1e6;
            double outside = (nanos(FIRST_NEXT, result.log()) - callNanos) / 1e6;
            pairs.add(new double[] {report, inside, outside});
        }
        double[] reports = pairs.stream().mapToDouble(p -> p[0]).sorted().toArray();
        double[] insides = pairs.stream().mapToDouble(p -> p[1]).sorted().toArray();
        double[] outsides = pairs.stream().mapToDouble(p -> p[2]).sorted().toArray();
        double[] ratios = pairs.stream().mapToDouble(p -> p[2] / p[0]).sorted().toArray();
        System.out.println(String.format(
                Locale.ROOT,
                "cold starts n=%d: REPORT Init Duration median %.1f ms [%.1f–%.1f]%n"
                        + "  invoke() call → first /next written to the socket (outside) median %.1f ms [%.1f–%.1f],"
                        + " outside/REPORT median %.3f [%.3f–%.3f]%n"
                        + "  bootstrap script start → first /next (function's own clock) median %.1f ms [%.1f–%.1f]",
                coldStarts,
                median(reports),
                reports[0],
                reports[reports.length - 1],
                median(outsides),
                outsides[0],
                outsides[outsides.length - 1],
                median(ratios),
                ratios[0],
                ratios[ratios.length - 1],
                median(insides),
                insides[0],
                insides[insides.length - 1]));
    }

    private static long nanos(Pattern pattern, String log) {
        Matcher m = pattern.matcher(log);
        if (!m.find()) {
            throw new IllegalStateException("no '" + pattern + "' in the cold start's log:\n" + log);
        }
        return Long.parseLong(m.group(1));
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
