package dev.coldbrew.cli.pack;

import dev.coldbrew.pack.FunctionJars;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.PackageRequest;
import dev.coldbrew.pack.SizeLimits;
import dev.coldbrew.pack.Target;
import dev.coldbrew.pack.jdk.ModuleResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed options of {@code coldbrew package}. */
final class PackageArguments {
    private final PackageRequest.Builder builder =
            PackageRequest.builder().outputDir(Path.of(PackageCommand.DEFAULT_OUTPUT));
    private final List<Path> jars = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private long maxZip = SizeLimits.LAMBDA_MAX_ZIPPED_BYTES;
    private long maxUnzipped = SizeLimits.LAMBDA_MAX_UNZIPPED_BYTES;
    private boolean help;

    private PackageArguments() {}

    /**
     * @throws IllegalArgumentException naming an unknown option, a missing value or a bad value
     * @throws PackageException when a {@code --code} folder holds no jar
     */
    static PackageArguments parse(String... args) throws PackageException {
        PackageArguments line = new PackageArguments();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                line.help = true;
            } else if (option.equals("--native")
                    || option.equals("--no-aot")
                    || option.equals("--no-verify")
                    || option.equals("--prime")
                    || option.equals("--reachable-modules")) {
                line.flag(option);
            } else {
                if (i + 1 >= args.length) {
                    // The usage lists every option with its value ("--jar FILE"): one that is not there is unknown.
                    throw new IllegalArgumentException(
                            PackageUsage.TEXT.contains(" " + option + " ")
                                    ? "option " + option + " needs a value"
                                    : "unknown option '" + option + "'");
                }
                line.option(option, args[++i]);
            }
        }
        return line;
    }

    boolean help() {
        return help;
    }

    PackageRequest toRequest() {
        if (jars.isEmpty()) {
            throw new IllegalArgumentException(FunctionJars.NONE_GIVEN);
        }
        return builder.jars(jars)
                .environment(env)
                .limits(new SizeLimits(maxZip, maxUnzipped))
                .build();
    }

    private void flag(String option) {
        switch (option) {
            case "--native" -> builder.nativeImage(true);
            case "--no-aot" -> builder.aotCache(false);
            case "--reachable-modules" -> builder.reachableModules(true);
            case "--prime" -> builder.prime(true);
            default -> builder.verify(false);
        }
    }

    private void option(String option, String value) throws PackageException {
        switch (option) {
            case "--jar" -> jars.add(Path.of(value));
            case "--code" -> jars.addAll(FunctionJars.inCodeDirectory(Path.of(value)));
            case "--handler" -> builder.handler(value);
            case "--main-class" -> builder.mainClass(value);
            case "--name" -> builder.functionName(value);
            case "--memory" -> builder.memoryMb(integer(option, value));
            case "--timeout" -> builder.timeoutSeconds(integer(option, value));
            case "--env" -> environment(value);
            case "--target" -> builder.target(Target.parse(value));
            case "--events" -> builder.eventsDir(Path.of(value));
            case "--training-rounds" -> builder.trainingRounds(integer(option, value));
            case "--priming-events" -> builder.primingEventsDir(Path.of(value));
            case "--modules" -> builder.modules(ModuleResolver.parseList(value, "--modules"));
            case "--add-modules" -> builder.addModules(ModuleResolver.parseList(value, "--add-modules"));
            case "--jvm-flags" ->
                builder.jvmFlags(Arrays.stream(value.trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .toList());
            case "--jdk" -> builder.jdkHome(Path.of(value));
            case "--output" -> builder.outputDir(Path.of(value));
            case "--max-zip-mb" -> maxZip = megabytes(option, value, SizeLimits.LAMBDA_MAX_ZIPPED_BYTES);
            case "--max-unzipped-mb" -> maxUnzipped = megabytes(option, value, SizeLimits.LAMBDA_MAX_UNZIPPED_BYTES);
            default -> throw new IllegalArgumentException("unknown option '" + option + "'");
        }
    }

    private void environment(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--env '" + value + "' is not KEY=VALUE");
        }
        env.put(value.substring(0, eq), value.substring(eq + 1));
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a whole number", e);
        }
    }

    private static long megabytes(String option, String value, long lambdaLimit) {
        long bytes = integer(option, value) * SizeLimits.MB;
        if (bytes <= 0 || bytes > lambdaLimit) {
            throw new IllegalArgumentException(
                    option + " " + value + " is outside 1.." + lambdaLimit / SizeLimits.MB + " (Lambda's limit)");
        }
        return bytes;
    }
}
