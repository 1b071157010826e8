package dev.coldbrew.bench.report;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.strategy.JvmStrategy;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.md: how the run was made, one table per workload, the charts, and the claims checked against it. */
public final class MarkdownReport {
    private static final String TABLE_HEADER =
            "| strategy | MB | Init ms | first invoke ms | cold total ms | vs aws-java"
                    + " | warm ms | warm p90 | vs aws-java | Max Memory Used MB | vs aws-java | billed ms (warm) | $ / 1M warm |\n"
                    + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";

    private MarkdownReport() {}

    public static String write(BenchOptions o, MachineInfo machine, Measurements m, Summary summary) {
        StringBuilder md = new StringBuilder();
        md.append("# coldbrew bench\n\n");
        md.append("- Command: `coldbrew bench")
                .append(o.arguments().isEmpty() ? "" : " ")
                .append(String.join(" ", o.arguments()))
                .append("` (profile `")
                .append(o.profile().id())
                .append("`), ")
                .append(m.started())
                .append(" to ")
                .append(m.finished())
                .append('\n');
        md.append("- Machine: ").append(machine.oneLine()).append('\n');
        md.append("- JDK inside the functions: the one running the bench, ")
                .append(machine.javaHome())
                .append(" (JVM flags per strategy in results.json)\n");
        md.append("- Each cell: ")
                .append(Format.count(o.coldStarts(), "cold start"))
                .append(" (a new environment each), then ")
                .append(Format.count(o.warmInvokes(), "invoke"))
                .append(" on the last, warm environment. Numbers are medians")
                .append(" [min–max] of the local Lambda's REPORT lines; every ratio is against `aws-java` at the")
                .append(" same memory size in this run.\n");
        md.append("- Local Lambda: ")
                .append(
                        m.limitsEnforced()
                                ? "memory limit = memory size, CPU = memory size / 1769 MB of one vCPU during invokes"
                                        + " and Lambda's vCPUs during Init, enforced with cgroups"
                                : "limits NOT enforced (no writable cgroups): every size got the whole machine")
                .append('\n');
        md.append("- Load average (1 min): ")
                .append(Format.load(m.loadAverageStart()))
                .append(" at the start, ")
                .append(Format.load(m.loadAverageEnd()))
                .append(" at the end, on ")
                .append(machine.cpus())
                .append(" CPUs")
                .append(busy(m, machine) ? busyNote() : "")
                .append('\n');
        md.append("- Price: ")
                .append(Pricing.statement())
                .append("; cost per 1M warm invokes at the median")
                .append(" billed duration.\n\n");
        CalibrationReport.write(md, m.calibration());
        strategies(md, o, m);
        for (Workload w : o.workloads()) {
            workload(md, o, summary, w);
        }
        sameWork(md, m);
        c1VersusC2(md, summary, o.memorySizesMb());
        PrimingReport.write(md, summary, o.workloads(), o.memorySizesMb());
        Claims claims = new Claims(summary, o.memorySizesMb());
        md.append("## The seed's claims, on this machine\n\n");
        Claims.lines(claims.seed()).forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## coldbrew's targets\n\n");
        List<Claims.Claim> targets = new ArrayList<>(claims.targets());
        targets.addAll(claims.primingTargets());
        Claims.lines(targets).forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nRaw samples, machine, JDK and flags: `results.json`.\n");
        return md.toString();
    }

    public static byte[] bytes(BenchOptions o, MachineInfo machine, Measurements m, Summary summary) {
        return write(o, machine, m, summary).getBytes(StandardCharsets.UTF_8);
    }

    /** More runnable processes than half the CPUs: the bench was not alone on the machine. */
    private static boolean busy(Measurements m, MachineInfo machine) {
        double worst = Math.max(m.loadAverageStart(), m.loadAverageEnd());
        return !Double.isNaN(worst) && worst > machine.cpus() / 2.0;
    }

    private static String busyNote() {
        return " — other processes competed for the CPUs during this run, so durations are noisier and slower"
                + " than on an idle machine; compare strategies through the ratios and ranges";
    }

    private static void strategies(StringBuilder md, BenchOptions o, Measurements m) {
        md.append("## Strategies\n\n| strategy | what runs | here |\n|---|---|---|\n");
        for (Strategy s : o.strategies()) {
            md.append("| `")
                    .append(s.name())
                    .append("` | ")
                    .append(s.description())
                    .append(" | ")
                    .append(
                            s.availability().available()
                                    ? "measured"
                                    : s.availability().reason())
                    .append(" |\n");
        }
        md.append('\n');
        for (Preparation p : m.preparations()) {
            if (Preparation.FAILED.equals(p.status())) {
                md.append("- Preparing `")
                        .append(p.strategy())
                        .append("` for ")
                        .append(p.workload())
                        .append(" failed: ")
                        .append(p.detail().lines().findFirst().orElse(""))
                        .append('\n');
            } else if (p.ok() && p.seconds() >= 1) {
                md.append("- `")
                        .append(p.strategy())
                        .append("` for ")
                        .append(p.workload())
                        .append(" was prepared in ")
                        .append(String.format(Locale.ROOT, "%.1f s", p.seconds()))
                        .append(p.detail().isEmpty() ? "" : ": " + p.detail())
                        .append('\n');
            }
        }
        md.append('\n');
    }

    private static void workload(StringBuilder md, BenchOptions o, Summary summary, Workload w) {
        md.append("## ")
                .append(w.id())
                .append("\n\nEvent: `")
                .append(new String(w.event(o.smallEvents()), StandardCharsets.UTF_8))
                .append("`\n\n");
        md.append(TABLE_HEADER);
        for (CellSummary c : summary.cells(w.id())) {
            md.append(row(summary, c));
        }
        md.append('\n');
        List<String> charts = List.of(
                Charts.durationFile(w.id()),
                Charts.coldStartFile(w.id()),
                Charts.coldStartByMemoryFile(w.id()),
                Charts.maxMemoryFile(w.id()));
        if (summary.cells(w.id()).stream().anyMatch(CellSummary::measured)) {
            for (String chart : charts) {
                md.append("![").append(chart).append("](").append(chart).append(")\n");
            }
            md.append('\n');
        }
    }

    /** Whether every strategy returned the same response (the function's own compute time aside). */
    private static void sameWork(StringBuilder md, Measurements m) {
        md.append("## Same work under every strategy\n\n");
        for (String workload : m.responses().workloads()) {
            Map<String, String> byStrategy = m.responses().of(workload);
            if (m.responses().differing().contains(workload)) {
                md.append("- ").append(workload).append(": responses DIFFER between strategies:\n");
                byStrategy.forEach((strategy, response) -> md.append("  - `")
                        .append(strategy)
                        .append("`: `")
                        .append(oneLine(response))
                        .append("`\n"));
            } else {
                md.append("- ")
                        .append(workload)
                        .append(": identical responses from ")
                        .append(Format.count(byStrategy.size(), "strategy"))
                        .append(" (")
                        .append("computeMs aside): `")
                        .append(oneLine(byStrategy.values().iterator().next()))
                        .append("`\n");
            }
        }
        md.append('\n');
    }

    /**
     * Warm k-means stopped at C1 (AWS's default for its Java runtimes) against C1+C2, both on coldbrew's runtime
     * with the same flags otherwise.
     */
    private static void c1VersusC2(StringBuilder md, Summary summary, List<Integer> sizes) {
        StringBuilder rows = new StringBuilder();
        for (int mb : sizes) {
            var c1 = summary.cell("kmeans", JvmStrategy.C1_NAME, mb).filter(CellSummary::measured);
            var c2 = summary.cell("kmeans", JvmStrategy.NAME, mb).filter(CellSummary::measured);
            if (c1.isPresent() && c2.isPresent()) {
                double slow = c1.get().warmDuration().median();
                double fast = c2.get().warmDuration().median();
                rows.append("| ")
                        .append(mb)
                        .append(" | ")
                        .append(Format.medianRange(c1.get().warmDuration()))
                        .append(" | ")
                        .append(Format.medianRange(c2.get().warmDuration()))
                        .append(" | ")
                        .append(Format.ratio(slow / fast))
                        .append(" |\n");
            }
        }
        if (!rows.isEmpty()) {
            md.append("## C1 only (AWS's default -XX:TieredStopAtLevel=1) vs C1+C2, warm k-means\n\n")
                    .append("| MB | coldbrew-jvm-c1 warm ms | coldbrew-jvm warm ms | C1 / C2 |\n|--:|--:|--:|--:|\n")
                    .append(rows)
                    .append('\n');
        }
    }

    private static String row(Summary summary, CellSummary c) {
        if (!c.note().isEmpty()) {
            return "| `" + c.strategy() + "` | " + c.memoryMb() + " | "
                    + c.note().lines().findFirst().orElse("") + " |||||||||||\n";
        }
        String errors = c.errors() == 0 ? "" : " (" + c.errors() + " failed: " + oneLine(c.firstError()) + ")";
        return "| `" + c.strategy() + "`" + errors + " | " + c.memoryMb()
                + " | " + Format.medianRange(c.coldInit())
                + " | " + Format.medianRange(c.coldDuration())
                + " | " + Format.medianRange(c.coldTotal())
                + " | " + Format.ratio(summary.ratio(c, x -> x.coldTotal().median()))
                + " | " + Format.medianRange(c.warmDuration())
                + " | " + Format.ms(c.warmDuration().p90())
                + " | " + Format.ratio(summary.ratio(c, x -> x.warmDuration().median()))
                + " | " + Format.mb(c.maxMemoryMedian())
                + " | " + Format.ratio(summary.ratio(c, CellSummary::maxMemoryMedian))
                + " | " + Format.ms(c.warmBilled().median())
                + " | " + Format.usd(c.usdPerMillionWarm()) + " |\n";
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("").replace("|", "\\|");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
