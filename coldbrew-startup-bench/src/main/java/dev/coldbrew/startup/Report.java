package dev.coldbrew.startup;

import dev.coldbrew.startup.harness.Sample;
import dev.coldbrew.startup.spawn.Subject;
import java.util.List;

/** The benchmark's markdown tables: medians with [min–max] and ratios against baselines from the same run. */
final class Report {
    private Report() {}

    static String render(Results results, List<Subject> main, List<Subject> loops, int runs) {
        StringBuilder out = new StringBuilder();
        out.append("Start-up of the hello function, n=")
                .append(runs)
                .append(" per row, median [min–max], JDK ")
                .append(System.getProperty("java.vm.version"))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs\n\n");
        Sample floor = Sample.of(results.javaVersionMs());
        Sample ric = Sample.of(results.initMs(Subjects.RIC_NAME));
        out.append("| subject | spawn → first /next (ms) | vs AWS RIC | vs java -version | first invoke (ms)"
                + " | peak RSS (MiB) |\n|---|---|---:|---:|---|---|\n");
        out.append("| java -version (default CDS; spawn → exit) | ")
                .append(floor.format(1))
                .append(" | ")
                .append(floor.ratioTo(ric))
                .append(" | 1.00× | – | – |\n");
        for (Subject subject : main) {
            Sample init = Sample.of(results.initMs(subject.name()));
            out.append(row(results, subject, init, init.ratioTo(ric), init.ratioTo(floor)));
        }
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

    private static String row(Results results, Subject subject, Sample init, String ratio, String floorRatio) {
        return "| " + subject.name() + " | " + init.format(1) + " | " + ratio + " | " + floorRatio + " | "
                + Sample.of(results.firstInvokeMs(subject.name())).format(1) + " | "
                + Sample.of(results.peakRssMib(subject.name())).format(1) + " |\n";
    }
}
