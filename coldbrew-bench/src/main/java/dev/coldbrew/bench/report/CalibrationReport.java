package dev.coldbrew.bench.report;

import dev.coldbrew.bench.calibration.CalibrationCheck;
import dev.coldbrew.bench.calibration.CalibrationRunner;
import dev.coldbrew.bench.calibration.Published;
import dev.coldbrew.bench.calibration.Shape;
import dev.coldbrew.bench.measure.Calibration;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Sample;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report's opening section: the local Lambda's hello-world cold starts beside real Lambda's published ones,
 * and the calibration targets checked against them.
 */
final class CalibrationReport {
    private CalibrationReport() {}

    static void write(StringBuilder md, Calibration calibration) {
        if (calibration.isEmpty()) {
            return;
        }
        List<CalibrationCheck> checks = CalibrationCheck.of(calibration);
        md.append("## Calibration: the local Lambda beside real Lambda\n\n");
        md.append("Hello-world functions of the shapes Lambda's public cold-start benchmark measures, as cold starts ")
                .append("in this run's local Lambda at 128, 256 and 1,024 MB (median [min–max]), beside the ")
                .append("figures Lambda's own REPORT lines gave (lambda-perf, 2025-12-21, x86_64). Comparable ")
                .append("across machines: Init at 128 MB ÷ Init at 1,024 MB (the same function) and Max Memory Used; ")
                .append("absolute times depend on the CPU and are shown side by side only.\n\n");
        for (CalibrationCheck c :
                checks.stream().filter(CalibrationCheck::measured).toList()) {
            md.append("- `")
                    .append(c.shape().id())
                    .append("`: ")
                    .append(c.shape().description())
                    .append('\n');
        }
        md.append('\n');
        initTable(md, checks);
        memoryTable(md, checks);
        preparations(md, calibration);
        targets(md, checks);
    }

    private static void initTable(StringBuilder md, List<CalibrationCheck> checks) {
        md.append("| shape | Init ms, local: 128 / 256 / 1024 MB | Init ms, Lambda | Init 128÷1024, local")
                .append(" | Lambda | first invoke ms, local | Lambda |\n");
        md.append("|---|---|---|--:|--:|---|---|\n");
        for (CalibrationCheck c :
                checks.stream().filter(CalibrationCheck::measured).toList()) {
            md.append("| ")
                    .append(c.shape().id())
                    .append(" | ")
                    .append(sizes(mb -> Format.medianRange(c.init(mb))))
                    .append(" | ")
                    .append(sizes(mb -> c.published(mb)
                            .map(p -> Format.ms(p.initMedianMs()))
                            .orElse("–")))
                    .append(" | ")
                    .append(Format.ratio(c.initRatio()))
                    .append(" | ")
                    .append(Format.ratio(c.publishedInitRatio()))
                    .append(" | ")
                    .append(sizes(mb -> Format.ms(c.firstInvoke(mb).median())))
                    .append(" | ")
                    .append(sizes(mb -> c.published(mb)
                            .map(p -> Format.ms(p.firstInvokeMs()))
                            .orElse("–")))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void memoryTable(StringBuilder md, List<CalibrationCheck> checks) {
        md.append(
                "| shape | Max Memory Used MB, local: 128 / 256 / 1024 MB | Lambda | local ÷ Lambda | compared with |\n");
        md.append("|---|---|--:|--:|---|\n");
        for (CalibrationCheck c :
                checks.stream().filter(CalibrationCheck::measured).toList()) {
            md.append("| ")
                    .append(c.shape().id())
                    .append(" | ")
                    .append(sizes(mb -> Format.mb(c.maxMemoryUsed(mb).median())))
                    .append(" | ")
                    .append(c.publishedMaxMemoryUsedMb().map(Format::mb1).orElse("–"))
                    .append(" | ")
                    .append(Format.ratio(c.memoryRatio()))
                    .append(" | ")
                    .append(comparedWith(c))
                    .append(" |\n");
        }
        md.append("\nMax Memory Used is metered as Lambda's meter reads it: anonymous memory, the file pages the ")
                .append("environment maps or reads (with the readahead a cold page cache would do), and a fixed ")
                .append("share for Lambda's own processes in the environment (the README explains the model).\n\n");
    }

    private static String comparedWith(CalibrationCheck c) {
        return Published.rowsFor(c.shape()).stream()
                .map(p -> p.runtime() + " " + p.memoryMb() + " MB")
                .collect(Collectors.joining(", "));
    }

    private static void preparations(StringBuilder md, Calibration calibration) {
        List<Preparation> missing =
                calibration.preparations().stream().filter(p -> !p.ok()).toList();
        for (Preparation p : missing) {
            md.append("- `")
                    .append(p.strategy())
                    .append("` not measured (")
                    .append(p.status())
                    .append("): ")
                    .append(p.detail())
                    .append('\n');
        }
        if (!missing.isEmpty()) {
            md.append('\n');
        }
    }

    private static void targets(StringBuilder md, List<CalibrationCheck> checks) {
        md.append("Calibration targets:\n\n");
        List<String> failed128 = checks.stream()
                .flatMap(c -> c.failures(128).stream())
                .map(CalibrationReport::failure)
                .toList();
        md.append(check(
                failed128.isEmpty(),
                "no hello-world Init fails or times out at 128 MB",
                failed128.isEmpty() ? "none did" : String.join("; ", failed128)));
        CalibrationCheck java = checks.get(Shape.JAVA25.ordinal());
        md.append(check(
                java.initRatioMatches(),
                "java25 Init at 128 MB ÷ Init at 1,024 MB within " + CalibrationCheck.INIT_RATIO_LOW + "–"
                        + CalibrationCheck.INIT_RATIO_HIGH + " (Lambda: " + Format.ratio(java.publishedInitRatio())
                        + ")",
                Format.ratio(java.initRatio())));
        for (Shape shape : List.of(Shape.JAVA25, Shape.GO, Shape.NATIVE)) {
            CalibrationCheck c = checks.get(shape.ordinal());
            String goal = shape.id() + " Max Memory Used within ±"
                    + Math.round(CalibrationCheck.MEMORY_TOLERANCE * 100) + " % of Lambda's ("
                    + c.publishedMaxMemoryUsedMb().map(Format::mb1).orElse("–") + " MB)";
            md.append(
                    c.measured()
                            ? check(
                                    c.memoryMatches(),
                                    goal,
                                    Format.mb(c.maxMemoryUsed().median()) + " MB, " + Format.ratio(c.memoryRatio()))
                            : "- " + goal + ": **not measured** in this run\n");
        }
        md.append('\n');
    }

    private static String failure(Sample s) {
        return s.strategy() + " #" + (s.index() + 1) + ": " + s.functionError();
    }

    private static String check(boolean holds, String goal, String observed) {
        return "- " + (holds ? "✔ " : "✘ ") + goal + ": " + observed + "\n";
    }

    private static String sizes(Function<Integer, String> cell) {
        return CalibrationRunner.MEMORY_SIZES_MB.stream().map(cell).collect(Collectors.joining(" / "));
    }
}
