package dev.coldbrew.pack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The packaging as a process of its own, for callers that do not run on JDK 25 (the Maven plugin loads in Maven's
 * JVM, which may be 17): {@code java -cp <coldbrew-package and its dependencies> dev.coldbrew.pack.PackageMain
 * REQUEST ERROR}. REQUEST is a properties file (UTF-8) with the keys below; list values have one item per line,
 * {@code env.NAME} keys are the function's variables. Progress lines and the summary go to stdout. Exit 0 packaged;
 * 1 packaging failed and 2 bad request, both with the message written to the file ERROR (the caller shows it once).
 *
 * <p>Keys: {@code jars} (required), {@code handler}, {@code mainClass}, {@code target}, {@code native}, {@code events},
 * {@code trainingRounds}, {@code prime}, {@code primingEvents}, {@code aot}, {@code verify}, {@code modules},
 * {@code addModules}, {@code reachableModules}, {@code jvmFlags}, {@code functionName}, {@code memoryMb},
 * {@code timeoutSeconds}, {@code output} (required).
 */
public final class PackageMain {
    /** Every key a request file may hold besides {@code env.*}. */
    public static final List<String> KEYS = List.of(
            "jars",
            "handler",
            "mainClass",
            "target",
            "native",
            "events",
            "trainingRounds",
            "prime",
            "primingEvents",
            "aot",
            "verify",
            "modules",
            "addModules",
            "reachableModules",
            "jvmFlags",
            "functionName",
            "memoryMb",
            "timeoutSeconds",
            "output");

    static final String ENV_PREFIX = "env.";

    private PackageMain() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PackageMain REQUEST-FILE ERROR-FILE (got " + Arrays.toString(args) + ")");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), System.getenv()));
    }

    /** Packages the request in {@code requestFile}; returns the exit status (see the class comment). */
    static int run(Path requestFile, Path errorFile, Map<String, String> env) {
        PackageRequest request;
        try {
            request = read(requestFile);
        } catch (IllegalArgumentException e) {
            return fail(errorFile, e.getMessage(), 2);
        }
        try {
            PackageSummary summary = new Packager(request, System.out::println, env).pack();
            System.out.print(summary.render());
            System.out.flush();
            return 0;
        } catch (PackageException e) {
            return fail(errorFile, e.getMessage(), 1);
        }
    }

    /**
     * Reads a request file.
     *
     * @throws IllegalArgumentException naming the file and the bad key or value
     */
    public static PackageRequest read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("read the request file " + file + " failed: " + e.getMessage(), e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(ENV_PREFIX)) {
                env.put(key.substring(ENV_PREFIX.length()), p.getProperty(key));
            } else if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown key '" + key + "' in the request file " + file + "; known keys: " + KEYS);
            }
        }
        List<String> jars = list(p, "jars");
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("the request file " + file + " names no jars");
        }
        String output = p.getProperty("output", "");
        if (output.isBlank()) {
            throw new IllegalArgumentException("the request file " + file + " names no output folder");
        }
        return PackageRequest.builder()
                .jars(jars.stream().map(Path::of).toList())
                .handler(p.getProperty("handler"))
                .mainClass(p.getProperty("mainClass"))
                .target(Target.parse(p.getProperty("target", Target.PROVIDED_AL2023.id())))
                .nativeImage(bool(p, "native", false))
                .eventsDir(path(p, "events"))
                .trainingRounds(integer(p, "trainingRounds", PackageRequest.DEFAULT_TRAINING_ROUNDS))
                .prime(bool(p, "prime", false))
                .primingEventsDir(path(p, "primingEvents"))
                .aotCache(bool(p, "aot", true))
                .verify(bool(p, "verify", true))
                .modules(list(p, "modules"))
                .addModules(list(p, "addModules"))
                .reachableModules(bool(p, "reachableModules", false))
                .jvmFlags(p.containsKey("jvmFlags") ? list(p, "jvmFlags") : null)
                .functionName(p.getProperty("functionName", PackageRequest.DEFAULT_FUNCTION_NAME))
                .memoryMb(integer(p, "memoryMb", PackageRequest.DEFAULT_MEMORY_MB))
                .timeoutSeconds(integer(p, "timeoutSeconds", PackageRequest.DEFAULT_TIMEOUT_SECONDS))
                .environment(env)
                .outputDir(Path.of(output))
                .limits(SizeLimits.lambda())
                .build();
    }

    private static List<String> list(Properties p, String key) {
        String value = p.getProperty(key, "");
        return value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Path path(Properties p, String key) {
        String value = p.getProperty(key, "");
        return value.isBlank() ? null : Path.of(value);
    }

    private static boolean bool(Properties p, String key, boolean otherwise) {
        String value = p.getProperty(key);
        if (value == null) {
            return otherwise;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        };
    }

    private static int integer(Properties p, String key, int otherwise) {
        String value = p.getProperty(key);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static int fail(Path errorFile, String message, int status) {
        try (Writer out = Files.newBufferedWriter(errorFile, StandardCharsets.UTF_8)) {
            out.write(message);
        } catch (IOException e) {
            System.err.println("write " + errorFile + " failed: " + e.getMessage());
            System.err.println("coldbrew package: " + message);
        }
        return status;
    }
}
