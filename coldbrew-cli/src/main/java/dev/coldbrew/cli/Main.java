package dev.coldbrew.cli;

import dev.coldbrew.bench.BenchCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The {@code coldbrew} command: a thin {@code main} over {@link #run}, which the tests call with their own streams. */
public final class Main {
    static final String USAGE = """
            Usage: coldbrew <command> [options]

            Commands:
              bench      run the workloads under each start-up strategy and memory size in the local Lambda;
                         write results.json, report.md and charts (coldbrew bench --help for its options)
              help       show this help

            Options:
              --version  print coldbrew's version
            """;

    private static final List<String> COMMANDS = List.of("bench", "help", "--version");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return dispatch(out, err, args).code();
    }

    private static ExitCode dispatch(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return ExitCode.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "bench" -> bench(out, err, rest);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield ExitCode.OK;
            }
            case "--version", "version" -> {
                out.println("coldbrew " + version());
                yield ExitCode.OK;
            }
            default -> {
                err.println("coldbrew: unknown command '" + args[0] + "': valid commands are "
                        + String.join(", ", COMMANDS));
                yield ExitCode.USAGE;
            }
        };
    }

    private static ExitCode bench(PrintStream out, PrintStream err, List<String> args) {
        return switch (BenchCommand.fromSystem().run(out, err, args)) {
            case OK -> ExitCode.OK;
            case FAILED -> ExitCode.FAILURE;
            case USAGE -> ExitCode.USAGE;
        };
    }

    /** The project version, from the build. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the coldbrew-cli jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading version.properties failed", e);
        }
    }
}
