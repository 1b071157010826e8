package dev.coldbrew.startup;

import dev.coldbrew.startup.harness.Flags;
import dev.coldbrew.startup.harness.Sample;
import dev.coldbrew.startup.spawn.Subject;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's markdown report: medians with [min–max] and ratios against baselines measured in the same run
 * (AWS's client running the same handler form, and {@code java -version}), then issue 2's targets.
 */
final class Report {
    /** Issue 2's targets for coldbrew with an AOT cache (reported, not asserted). */
    static final double TARGET_VS_RIC = 0.15;

    static final double TARGET_VS_FLOOR = 1.2;
    static final double TARGET_PEAK_RSS_MIB = 40;

    private Report() {}

    static String render(Results results, List<Subject> main, List<Subject> loops, Flags flags, String load) {
        StringBuilder out = new StringBuilder();
        out.append("Start-up of the hello function, n=")
                .append(flags.runs())
                .append(" per row, median [min–max], JDK ")
                .append(System.getProperty("java.vm.version"))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, JVM options: ")
                .append(flags.jvmOptions().isEmpty() ? "JDK defaults" : String.join(" ", flags.jvmOptions()))
                .append(", load average ")
                .append(load)
                .append("\n\n");
        Sample floor = Sample.of(results.javaVersionMs());
        out.append("| subject | spawn → first /next (ms) | vs AWS RIC, same handler | vs java -version"
                + " | first invoke (ms) | peak RSS (MiB) |\n|---|---|---:|---:|---|---|\n");
        out.append("| java -version (default CDS; spawn → exit) | ")
                .append(floor.format(1))
                .append(" | – | 1.00× | – | – |\n");
        for (Subject subject : main) {
            Sample init = Sample.of(results.initMs(subject.name()));
            Sample baseline = Sample.of(results.initMs(Subjects.ricBaselineOf(subject.name())));
            out.append(row(results, subject, init, init.ratioTo(baseline), init.ratioTo(floor)));
        }
        out.append(targets(results, floor));
        out.append("\nThe measurement behind the hand-written HTTP client: the same ~100-line loop, each with an"
                + " AOT cache.\n\n| loop | spawn → first /next (ms) | vs socket loop | vs java -version"
                + " | first invoke (ms) | peak RSS (MiB) |\n|---|---|---:|---:|---|---|\n");
        Sample socket = Sample.of(results.initMs(Subjects.SOCKET_LOOP));
        for (Subject subject : loops) {
            Sample init = Sample.of(results.initMs(subject.name()));
            out.append(row(results, subject, init, init.ratioTo(socket), init.ratioTo(floor)));
        }
        return out.toString();
    }

    private static String targets(Results results, Sample floor) {
        Sample aot = Sample.of(results.initMs(Subjects.COLDBREW_AOT));
        Sample ric = Sample.of(results.initMs(Subjects.RIC_NAME));
        Sample ricPojo = Sample.of(results.initMs(Subjects.RIC_POJO));
        Sample ricAot = Sample.of(results.initMs(Subjects.RIC_AOT));
        Sample rss = Sample.of(results.peakRssMib(Subjects.COLDBREW_AOT));
        return String.format(
                Locale.ROOT,
                "\nTargets for %s (issue 2): init ≤ %.2f× AWS's client: %s of the RIC with the same stream handler,"
                        + " %s of the RIC with a POJO handler (%s of the RIC with its own AOT cache); ≤ %.1f×"
                        + " java -version: %s; peak RSS ≤ %.0f MiB: %.1f MiB.\n",
                Subjects.COLDBREW_AOT,
                TARGET_VS_RIC,
                aot.ratioTo(ric),
                aot.ratioTo(ricPojo),
                aot.ratioTo(ricAot),
                TARGET_VS_FLOOR,
                aot.ratioTo(floor),
                TARGET_PEAK_RSS_MIB,
                rss.median());
    }

    private static String row(Results results, Subject subject, Sample init, String ratio, String floorRatio) {
        return "| " + subject.name() + " | " + init.format(1) + " | " + ratio + " | " + floorRatio + " | "
                + Sample.of(results.firstInvokeMs(subject.name())).format(1) + " | "
                + Sample.of(results.peakRssMib(subject.name())).format(1) + " |\n";
    }
}
