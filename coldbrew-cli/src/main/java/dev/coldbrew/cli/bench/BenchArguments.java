package dev.coldbrew.cli.bench;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.Profile;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.FunctionConfig;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Parses {@code coldbrew bench} flags into {@link BenchOptions}: flag &gt; profile default. */
public final class BenchArguments {
    public static final String USAGE = """
            Usage: coldbrew bench [options]
              --profile P        quick (default), full or tiny
              --workloads LIST   comma-separated, default the profile's: %s
              --strategies LIST  comma-separated, default all: %s
                                 (aws-java, the baseline of every ratio, is always measured)
              --memory LIST      memory sizes in MB, 128 to 10240 (quick: 256,1024,1769;
                                 full: 128,256,512,1024,1769,3008)
              --repetitions N    cold starts per workload, strategy and memory size (quick: 3, full: 5)
              --warm N           invokes on one warm environment after them (quick: 10, full: 20)
              --calibration N    cold starts per hello-world shape and memory size (128, 256, 1024 MB) in the
                                 calibration against real Lambda's figures (quick: 3, full: 5, tiny: 1; 0: none)
              --output DIR       report folder (default: bench-results/<date-time>)
            """;

    static final int MAX_REPETITIONS = 1_000;
    private static final List<String> OPTIONS = List.of(
            "--profile",
            "--workloads",
            "--strategies",
            "--memory",
            "--repetitions",
            "--warm",
            "--calibration",
            "--output");

    private BenchArguments() {}

    public static String usage(Strategies strategies) {
        return USAGE.formatted(Workload.ids(), strategies.names());
    }

    /**
     * @param home the repository root: examples are read from it and the default report folder is under it
     * @throws UsageException naming the bad flag or value and the valid ones
     */
    public static BenchOptions parse(List<String> args, Strategies strategies, Path home, LocalDateTime now)
            throws UsageException {
        Map<String, String> flags = flags(args);
        try {
            Profile profile = Profile.parse(flags.getOrDefault("--profile", "quick"));
            BenchOptions.Builder options =
                    BenchOptions.builder(profile, strategies, home, now).arguments(args);
            set(flags, "--workloads", v -> options.workloads(list(v, Workload::parse)));
            set(flags, "--strategies", v -> options.strategies(List.of(v.split(",", -1))));
            set(flags, "--memory", v -> options.memorySizesMb(list(v, BenchArguments::memorySize)));
            set(flags, "--repetitions", v -> options.coldStarts(count("--repetitions", v)));
            set(flags, "--warm", v -> options.warmInvokes(count("--warm", v)));
            set(
                    flags,
                    "--calibration",
                    v -> options.calibrationColdStarts(v.trim().equals("0") ? 0 : count("--calibration", v)));
            set(flags, "--output", v -> options.output(Path.of(v)));
            return options.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void set(Map<String, String> flags, String flag, java.util.function.Consumer<String> setter) {
        String value = flags.get(flag);
        if (value != null) {
            setter.accept(value);
        }
    }

    private static Map<String, String> flags(List<String> args) throws UsageException {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!OPTIONS.contains(name)) {
                throw new UsageException(
                        "unknown option '" + arg + "': valid options are " + String.join(", ", OPTIONS));
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            if (flags.put(name, value) != null) {
                throw new UsageException("option " + name + " given twice");
            }
        }
        return flags;
    }

    private static <T> List<T> list(String value, Function<String, T> parse) {
        LinkedHashSet<T> items = new LinkedHashSet<>();
        for (String item : value.split(",", -1)) {
            items.add(parse.apply(item));
        }
        return new ArrayList<>(items);
    }

    private static Integer memorySize(String value) {
        try {
            int mb = Integer.parseInt(value.trim());
            if (mb >= FunctionConfig.MIN_MEMORY_MB && mb <= FunctionConfig.MAX_MEMORY_MB) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException("invalid memory size '" + value + "': valid sizes are whole MB from "
                + FunctionConfig.MIN_MEMORY_MB + " to " + FunctionConfig.MAX_MEMORY_MB);
    }

    private static int count(String flag, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_REPETITIONS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(
                "invalid " + flag + " '" + value + "': valid values are whole numbers from 1 to " + MAX_REPETITIONS);
    }
}
