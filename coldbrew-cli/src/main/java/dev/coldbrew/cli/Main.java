package dev.coldbrew.cli;

import dev.coldbrew.bench.AwsRuntimeJars;
import dev.coldbrew.bench.Bench;
import dev.coldbrew.cli.bench.BenchCommand;
import dev.coldbrew.cli.local.InvokeCommand;
import dev.coldbrew.cli.local.LocalCommand;
import dev.coldbrew.cli.pack.PackageCommand;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** The {@code coldbrew} command: a thin {@code main} over {@link #run}, which the tests call with their own streams. */
public final class Main {
    static final String USAGE = """
            Usage: coldbrew <command> [options]

            Commands:
              bench      run the workloads under each start-up strategy and memory size in the local Lambda;
                         write results.json, report.md and charts (coldbrew bench --help for its options)
              local      run functions in the local Lambda and serve the Invoke API (coldbrew local --help)
              invoke     invoke a function through the Invoke API (coldbrew invoke --help)
              package    make a deployable Lambda zip and SAM template: a jlink'd Java runtime with an AOT cache,
                         a native executable, or a managed java25/java21 zip (coldbrew package --help)
              help       show this help

            Options:
              --version  print coldbrew's version
            """;

    private static final List<String> COMMANDS = List.of("bench", "local", "invoke", "package", "help", "--version");

    private static final String AWS_RUNTIME_FLAG = "--aws-runtime-classpath";

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
            case "bench" -> BenchCommand.run(Bench.fromSystem(), out, err, rest);
            case "local" -> LocalCommand.run(out, err, withAwsRuntime(rest));
            case "invoke" -> InvokeCommand.run(out, err, rest.toArray(String[]::new));
            case "package" -> PackageCommand.run(out, err, rest.toArray(String[]::new));
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

    /**
     * {@code coldbrew local} runs {@code java17}/{@code java21}/{@code java25} functions with AWS's runtime interface client, which
     * ships with this command: its jars are passed unless the user names others.
     */
    static String[] withAwsRuntime(List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (!args.contains(AWS_RUNTIME_FLAG) && !Flags.wantsHelp(args.toArray(String[]::new))) {
            all.add(AWS_RUNTIME_FLAG);
            all.add(AwsRuntimeJars.locate().stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
        }
        return all.toArray(String[]::new);
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
