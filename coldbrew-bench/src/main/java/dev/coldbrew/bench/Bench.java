package dev.coldbrew.bench;

import dev.coldbrew.bench.calibration.CalibrationRunner;
import dev.coldbrew.bench.measure.Calibration;
import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Progress;
import dev.coldbrew.bench.measure.Runner;
import dev.coldbrew.bench.report.Charts;
import dev.coldbrew.bench.report.ConsoleTable;
import dev.coldbrew.bench.report.Format;
import dev.coldbrew.bench.report.MachineInfo;
import dev.coldbrew.bench.report.MarkdownReport;
import dev.coldbrew.bench.report.ResultsJson;
import dev.coldbrew.bench.report.Summary;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.strategy.StrategyContext;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A bench run: the workloads under every strategy and memory size in the local Lambda, then results.json, report.md
 * and the charts, and a compact table. The progress bar goes to {@code err}, the table to {@code out}. The
 * {@code coldbrew bench} command builds the {@link BenchOptions} from its command line.
 */
public final class Bench {
    /** How a run ended. */
    public enum Outcome {
        /** Everything measured, report written. */
        OK,
        /** Report written, but some functions failed to prepare or to run (the report says which). */
        FAILED
    }

    /** The system property naming the repository root (the examples' home); the working directory otherwise. */
    public static final String HOME_PROPERTY = "coldbrew.home";

    private final Map<String, String> environment;
    private final Path home;

    /**
     * @param environment the process environment: strategies look up their tools in it (PATH, GRAALVM_HOME)
     * @param home the repository root: the examples are read from it
     */
    public Bench(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /** With the process's environment and {@value #HOME_PROPERTY} (or the working directory) as home. */
    public static Bench fromSystem() {
        return new Bench(System.getenv(), Path.of(System.getProperty(HOME_PROPERTY, System.getProperty("user.dir"))));
    }

    /** The repository root the examples are read from. */
    public Path home() {
        return home;
    }

    /** The strategies this machine can run, for the options' builder. */
    public Strategies strategies() {
        return Strategies.of(environment);
    }

    /** Measures and reports, with a progress bar on a terminal and plain lines elsewhere ({@link Progress}). */
    public Outcome run(BenchOptions options, PrintStream out, PrintStream err) throws IOException {
        return run(options, out, err, Progress.onTerminal());
    }

    /**
     * Measures and reports, with a progress bar redrawn in place on {@code err} when {@code terminal}, else one
     * plain line per finished cell.
     *
     * @throws IOException when the report folder or a report file cannot be written
     * @throws IllegalStateException when an example's code directory is missing (the message says how to build it)
     */
    public Outcome run(BenchOptions options, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        for (Workload w : options.workloads()) {
            w.codeDirectory(home);
        }
        Path output = Files.createDirectories(options.output());
        out.println("coldbrew bench: profile " + options.profile().id() + ", "
                + Format.count(options.workloads().size(), "workload") + " × "
                + Format.count(options.strategies().size(), "strategy") + " × " + options.memorySizesMb() + " MB, "
                + Format.count(options.coldStarts(), "cold start") + " + "
                + Format.count(options.warmInvokes(), "warm invoke") + " each → " + output);
        Measurements measurements;
        try (FunctionLog log = new FunctionLog(output.resolve("functions.log"));
                LocalLambda lambda = LocalLambda.create(localOptions(log))) {
            var context = new StrategyContext(
                    home,
                    output.resolve("functions"),
                    Path.of(System.getProperty("java.home")),
                    lambda,
                    options.smallEvents());
            Progress progress = new Progress(
                    err, CalibrationRunner.steps(options.calibrationColdStarts()) + Runner.steps(options), terminal);
            Calibration calibration = options.calibrationColdStarts() == 0
                    ? Calibration.NONE
                    : new CalibrationRunner(context, environment, progress).run(options.calibrationColdStarts());
            measurements = new Runner(options, context, progress).run().withCalibration(calibration);
        }
        Summary summary = Summary.of(options, measurements);
        MachineInfo machine = MachineInfo.current();
        Files.write(output.resolve("results.json"), ResultsJson.bytes(options, machine, measurements, summary));
        Files.write(output.resolve("report.md"), MarkdownReport.bytes(options, machine, measurements, summary));
        List<Path> charts = Charts.write(
                summary, options.workloads().stream().map(Workload::id).toList(), output);
        ConsoleTable.print(summary, out);
        out.println("Report: " + output.resolve("report.md") + " (" + Format.count(charts.size(), "chart")
                + ", results.json)");
        if (!measurements.responses().differing().isEmpty()) {
            err.println("coldbrew bench: the strategies returned different responses for "
                    + measurements.responses().differing() + " (see report.md)");
        }
        boolean failed = summary.errors() > 0
                || !measurements.responses().differing().isEmpty()
                || measurements.preparations().stream().anyMatch(p -> Preparation.FAILED.equals(p.status()));
        return failed ? Outcome.FAILED : Outcome.OK;
    }

    /**
     * The strategies' environments all run as the current user: as root the local Lambda would run a function whose
     * files every user can read as a user of its own and others (AWS's runtime jars in a private Maven repository)
     * as the current user, and the strategies would not be started alike.
     */
    private LocalOptions localOptions(FunctionLog log) {
        return LocalOptions.builder()
                .sameUser(true)
                .logSink(log)
                .javaHome(Path.of(System.getProperty("java.home")))
                .awsRuntimeClasspath(AwsRuntimeJars.locate())
                .build();
    }
}
