package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/** Packages functions with the real command and runs the zips in the local Lambda, as Lambda would. */
public final class PackagedFunctions {
    private PackagedFunctions() {}

    /**
     * What the packager did: {@code packed} with its summary, or not with the failure as the log's last line.
     *
     * @param log the progress lines, then the failure's message
     */
    public record Outcome(boolean packed, String summary, String log) {}

    /** Packages with the process environment (GRAALVM_HOME, PATH). */
    public static Outcome pack(PackageRequest.Builder request) {
        return pack(request, System.getenv());
    }

    /** Packages with {@code environment} for GRAALVM_HOME and PATH. */
    public static Outcome pack(PackageRequest.Builder request, Map<String, String> environment) {
        StringBuffer log = new StringBuffer();
        try {
            PackageSummary summary =
                    new Packager(request.build(), line -> log.append(line).append('\n'), environment).pack();
            return new Outcome(true, summary.render(), log.toString());
        } catch (PackageException e) {
            log.append(e.getMessage()).append('\n');
            return new Outcome(false, "", log.toString());
        }
    }

    /** Writes one event file per JSON text: {@code 1.json}, {@code 2.json}, … */
    public static Path events(Path dir, String... json) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < json.length; i++) {
            Files.writeString(dir.resolve((i + 1) + ".json"), json[i]);
        }
        return dir;
    }

    /**
     * Unpacks a zip into {@code target} with the Unix permissions and modification times stored in it, as
     * {@code unzip} does and as Lambda unpacks to /var/task.
     */
    public static Path unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            for (Path entry : walk.toList()) {
                Path out = target.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(entry, out);
                    Files.setPosixFilePermissions(
                            out,
                            Files.readAttributes(entry, PosixFileAttributes.class)
                                    .permissions());
                    Files.setLastModifiedTime(out, Files.getLastModifiedTime(entry));
                }
            }
        }
        return target;
    }

    /** A local Lambda whose log lines go to {@code log}. */
    public static LocalLambda localLambda(ConcurrentLinkedQueue<String> log) {
        return LocalLambda.create(LocalOptions.builder().logSink(log::add).build());
    }

    /** The function as {@code provided.al2023} with task root {@code code}, 512 MB, 30 s. */
    public static FunctionConfig provided(String name, Path code, String handler, Map<String, String> env) {
        return new FunctionConfig(
                name, code, RuntimeKind.PROVIDED, handler, 512, Duration.ofSeconds(30), FunctionConfig.UNRESERVED, env);
    }

    /** The jars of AWS's runtime interface client on the test class path (for the java21/java25 kinds). */
    public static List<Path> awsRuntimeClasspath() {
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("aws-lambda-java-runtime-interface-client")
                        || p.contains("aws-lambda-java-serialization")
                        || p.contains("aws-lambda-java-core"))
                .map(Path::of)
                .toList();
        assertThat(jars).as("AWS runtime client jars on the test class path").hasSizeGreaterThanOrEqualTo(2);
        return jars;
    }

    /** A line of the summary, e.g. {@code zip size}. */
    public static String summaryValue(String summary, String label) {
        return summary.lines()
                .filter(l -> l.startsWith(label + ":"))
                .map(l -> l.substring(label.length() + 1).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in summary:\n" + summary));
    }
}
