package dev.coldbrew.startup.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line flags of the benchmarks: {@code --runs N} (default {@link #DEFAULT_RUNS}), {@code --out dir}
 * (default {@link #DEFAULT_OUT}), where logs, probe jars and AOT caches go, and {@code --jvm-option X}
 * (repeatable; none by default), added to every JVM the benchmark starts, the {@code java -version} floor
 * included; {@code --native} adds the hello function as a native executable (built first, about two minutes).
 */
public record Flags(int runs, Path out, List<String> jvmOptions, boolean nativeImage) {
    public static final int DEFAULT_RUNS = 10;
    public static final Path DEFAULT_OUT = Path.of("target", "startup-bench");

    public Flags(int runs, Path out, List<String> jvmOptions) {
        this(runs, out, jvmOptions, false);
    }

    public Flags {
        jvmOptions = List.copyOf(jvmOptions);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
    }

    /** Parses {@code args}; an unknown flag or a bad value is an error naming it. */
    public static Flags parse(String... args) {
        int runs = DEFAULT_RUNS;
        Path out = DEFAULT_OUT;
        List<String> jvmOptions = new ArrayList<>();
        boolean nativeImage = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = parseRuns(value(args, i++));
                case "--out" -> out = Path.of(value(args, i++));
                case "--jvm-option" -> jvmOptions.add(value(args, i++));
                case "--native" -> nativeImage = true;
                default ->
                    throw new IllegalArgumentException("unknown flag " + args[i]
                            + " (usage: [--runs N] [--out dir] [--jvm-option X]... [--native])");
            }
        }
        return new Flags(runs, out, jvmOptions, nativeImage);
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("flag " + args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int parseRuns(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--runs must be a whole number, got '" + value + "'", e);
        }
    }
}
