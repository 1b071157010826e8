package dev.coldbrew.cli.pack;

import dev.coldbrew.cli.ExitCode;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.PackageRequest;
import dev.coldbrew.pack.PackageSummary;
import dev.coldbrew.pack.Packager;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code coldbrew package}: parses the command line, runs {@link Packager} and prints the summary. The
 * {@code coldbrew} dispatcher calls {@link #run(PrintStream, PrintStream, String...)}.
 */
public final class PackageCommand {
    private PackageCommand() {}

    /** Where the zip goes when {@code --output} is not given, relative to the working directory. */
    public static final String DEFAULT_OUTPUT = "target/coldbrew";

    /** Runs the command with the process environment; returns the exit code. */
    public static ExitCode run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)}, with {@code env} for GRAALVM_HOME and PATH. */
    public static ExitCode run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        PackageRequest request;
        try {
            PackageArguments line = PackageArguments.parse(args);
            if (line.help()) {
                out.print(PackageUsage.TEXT);
                return ExitCode.OK;
            }
            request = line.toRequest();
        } catch (IllegalArgumentException | PackageException e) {
            err.println("coldbrew package: " + e.getMessage());
            err.println("Run 'coldbrew package --help' for the options.");
            return ExitCode.USAGE;
        }
        try {
            PackageSummary summary = new Packager(request, err::println, env).pack();
            out.print(summary.render());
            return ExitCode.OK;
        } catch (PackageException e) {
            err.println("coldbrew package: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
