package dev.coldbrew.cli.bench;

import dev.coldbrew.bench.Bench;
import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.cli.ExitCode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code coldbrew bench}: parses the command line into {@link BenchOptions} and runs {@link Bench}, which writes
 * results.json, report.md and the charts and prints a compact table. The progress bar goes to {@code err}, the
 * table to {@code out}.
 */
public final class BenchCommand {
    private BenchCommand() {}

    /** Runs with {@code bench}'s environment and home; 2 on a bad command line, 1 when a cell failed. */
    public static ExitCode run(Bench bench, PrintStream out, PrintStream err, List<String> args) {
        Strategies strategies = bench.strategies();
        if (args.contains("--help") || args.contains("-h")) {
            out.print(BenchArguments.usage(strategies));
            return ExitCode.OK;
        }
        BenchOptions options;
        try {
            options = BenchArguments.parse(args, strategies, bench.home(), LocalDateTime.now());
        } catch (UsageException e) {
            err.println("coldbrew bench: " + e.getMessage());
            err.print(BenchArguments.usage(strategies));
            return ExitCode.USAGE;
        }
        try {
            return bench.run(options, out, err) == Bench.Outcome.OK ? ExitCode.OK : ExitCode.FAILURE;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("coldbrew bench: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
