package dev.coldbrew.startup.json;

import dev.coldbrew.bench.measure.LoadAverage;
import dev.coldbrew.bench.measure.Stats;
import dev.coldbrew.bench.report.Format;
import dev.coldbrew.bench.report.MachineInfo;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.aot.AotTrainer;
import dev.coldbrew.startup.harness.ClassPathJars;
import dev.coldbrew.startup.harness.Flags;
import dev.coldbrew.startup.harness.Java;
import dev.coldbrew.startup.harness.ProbeJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement behind coldbrew-json's choice of JSON library: for each candidate, a fresh JVM reads an API
 * Gateway proxy event from stdin and decodes it into {@code APIGatewayProxyRequestEvent}; the clock runs from
 * process spawn to the line the probe prints after its first successful decode. Also reported: classes loaded up
 * to that line ({@code -Xlog:class+load}) and the library's jar size. Candidates run interleaved, round after
 * round, so drift on the machine hits all of them alike.
 *
 * <p>Run: {@code coldbrew-startup-bench/startup-bench json --runs 20}.
 */
public final class JsonLibraryBench {
    private static final String EVENT_RESOURCE = "apigateway-rest-proxy.json";
    private static final String EXPECTED_LINE = DecodedLine.PREFIX + "POST 203.0.113.17";

    private final Flags flags;
    private final ClassPathJars jars = ClassPathJars.current();
    private final Map<Candidate, List<Path>> classPaths = new HashMap<>();

    JsonLibraryBench(Flags flags) {
        this.flags = flags;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Flags flags;
        try {
            flags = Flags.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("json-library-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.print(new JsonLibraryBench(flags).run());
    }

    /** {@code --jvm-option}s, then {@code extra}. */
    private List<String> options(String... extra) {
        return options(List.of(extra));
    }

    private List<String> options(List<String> extra) {
        List<String> options = new ArrayList<>(flags.jvmOptions());
        options.addAll(extra);
        return options;
    }

    /** One candidate: its probe and the jars the library brings (the events model is common to all). */
    record Candidate(String name, Class<?> probe, List<String> libraryArtifacts) {}

    static List<Candidate> candidates() {
        return List.of(
                new Candidate("no library (hand-built event)", BaselineProbe.class, List.of()),
                new Candidate("jackson-jr 2.23.0", JacksonJrProbe.class, List.of("jackson-jr-objects", "jackson-core")),
                new Candidate(
                        "jackson-databind 2.23.0",
                        DatabindProbe.class,
                        List.of("jackson-databind", "jackson-core", "jackson-annotations")),
                new Candidate("dsl-json 2.0.2 (run-time analysis)", DslJsonProbe.class, List.of("dsl-json")),
                new Candidate(
                        "coldbrew-json (jackson-jr + event mappings)",
                        ColdbrewJsonProbe.class,
                        List.of("coldbrew-json", "jackson-jr-objects", "jackson-core")));
    }

    String run() throws IOException, InterruptedException {
        Files.createDirectories(flags.out());
        Path event = flags.out().resolve(EVENT_RESOURCE);
        Files.write(event, eventBytes());
        Map<Candidate, List<Double>> times = new LinkedHashMap<>();
        Map<Candidate, List<Double>> aotTimes = new LinkedHashMap<>();
        for (Candidate candidate : candidates()) {
            times.put(candidate, new ArrayList<>());
            aotTimes.put(candidate, new ArrayList<>());
            train(candidate, event);
        }
        for (int round = 0; round < flags.runs(); round++) {
            for (Candidate candidate : candidates()) {
                times.get(candidate).add(timeFirstDecode(candidate, event, List.of()));
                aotTimes.get(candidate)
                        .add(timeFirstDecode(candidate, event, List.of("-XX:AOTCache=" + aot(candidate))));
            }
        }
        return table(times, aotTimes, event);
    }

    /**
     * The candidate's JDK 25 AOT cache, by coldbrew's {@link AotTrainer}: a training run that decodes the event and
     * exits ({@code -XX:AOTMode=record}), then {@code -XX:AOTMode=create}.
     */
    private void train(Candidate candidate, Path event) throws IOException, InterruptedException {
        Path configuration = flags.out().resolve(candidate.probe().getSimpleName() + ".aotconf");
        record(candidate, event, configuration);
        try {
            AotTrainer.create(
                    new AotTrainer.CacheCommand(
                            Path.of("").toAbsolutePath(),
                            Java.executable(),
                            flags.jvmOptions(),
                            Java.classPath(classPath(candidate)),
                            mainOf(candidate)),
                    configuration,
                    aot(candidate));
        } catch (PackageException e) {
            throw new IOException("AOT cache of " + candidate.name() + ": " + e.getMessage(), e);
        }
    }

    private void record(Candidate candidate, Path event, Path configuration) throws IOException, InterruptedException {
        List<String> command =
                Java.command(options(AotTrainer.recordFlags(configuration)), classPath(candidate), mainOf(candidate));
        Process process = new ProcessBuilder(command)
                .redirectInput(event.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(flags.out()
                        .resolve(candidate.probe().getSimpleName() + ".training.log")
                        .toFile())
                .start();
        if (process.waitFor() != 0 || !Files.isRegularFile(configuration)) {
            throw new IllegalStateException("AOT training run of " + candidate.name() + " failed: exit "
                    + process.exitValue() + ", no AOT configuration at " + configuration);
        }
    }

    private Path aot(Candidate candidate) {
        return flags.out().resolve(candidate.probe().getSimpleName() + ".aot");
    }

    private String table(Map<Candidate, List<Double>> times, Map<Candidate, List<Double>> aotTimes, Path event)
            throws IOException, InterruptedException {
        Stats floor = Stats.of(times.get(candidates().get(0)));
        Stats aotFloor = Stats.of(aotTimes.get(candidates().get(0)));
        StringBuilder out = new StringBuilder("| library | jar size (KiB) | classes loaded"
                + " | spawn → first decode (ms) | vs no library | with AOT cache (ms) | vs no library, AOT |\n"
                + "|---|---:|---:|---|---:|---|---:|\n");
        for (Candidate candidate : candidates()) {
            Stats sample = Stats.of(times.get(candidate));
            Stats aot = Stats.of(aotTimes.get(candidate));
            out.append("| ").append(candidate.name());
            out.append(" | ").append(librarySizeKib(candidate));
            out.append(" | ").append(classesLoaded(candidate, event));
            out.append(" | ").append(Format.medianRange(sample)).append(" | ").append(ratio(sample, floor));
            out.append(" | ").append(Format.medianRange(aot)).append(" | ").append(ratio(aot, aotFloor));
            out.append(" |\n");
        }
        return out.append("\nmedian [min–max] of n=")
                .append(flags.runs())
                .append(" fresh JVMs each, ")
                .append(MachineInfo.current().oneLine())
                .append(", load average ")
                .append(Format.load(LoadAverage.oneMinute()))
                .append('\n')
                .toString();
    }

    private double timeFirstDecode(Candidate candidate, Path event, List<String> jvmOptions)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        Java.command(options(jvmOptions), classPath(candidate), mainOf(candidate)))
                .redirectInput(event.toFile())
                .redirectError(flags.out()
                        .resolve(candidate.probe().getSimpleName() + ".stderr")
                        .toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader lines = reader(process.getInputStream())) {
            String line = lines.readLine();
            long end = System.nanoTime();
            checkDecoded(candidate, line, process);
            return (end - start) / 1e6;
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private int classesLoaded(Candidate candidate, Path event) throws IOException, InterruptedException {
        List<String> command =
                Java.command(options("-Xlog:class+load=info:stdout"), classPath(candidate), mainOf(candidate));
        Process process =
                new ProcessBuilder(command).redirectInput(event.toFile()).start();
        try (BufferedReader lines = reader(process.getInputStream())) {
            int count = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(DecodedLine.PREFIX)) {
                    return count;
                }
                count += line.contains("[class,load]") ? 1 : 0;
            }
            throw new IllegalStateException("counting classes of " + candidate.name() + " failed: no decoded line");
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private void checkDecoded(Candidate candidate, String line, Process process) throws InterruptedException {
        if (!EXPECTED_LINE.equals(line)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("first decode with " + candidate.name() + " failed: expected '"
                    + EXPECTED_LINE + "', got '" + line + "' (exit " + process.exitValue() + ", stderr in "
                    + flags.out() + ")");
        }
    }

    /** The probe's class path; its probe jar is written once, since an AOT cache checks the jars' times. */
    private List<Path> classPath(Candidate candidate) {
        return classPaths.computeIfAbsent(candidate, this::newClassPath);
    }

    private List<Path> newClassPath(Candidate candidate) {
        List<Path> path = new ArrayList<>();
        path.add(ProbeJar.write(
                flags.out().resolve(candidate.probe().getSimpleName() + ".jar"), candidate.probe(), DecodedLine.class));
        path.addAll(jars.jars("aws-lambda-java-events", "joda-time"));
        path.addAll(jars.jars(candidate.libraryArtifacts().toArray(String[]::new)));
        return path;
    }

    private long librarySizeKib(Candidate candidate) throws IOException {
        long bytes = 0;
        for (Path jar : jars.jars(candidate.libraryArtifacts().toArray(String[]::new))) {
            bytes += Files.size(jar);
        }
        return Math.round(bytes / 1024.0);
    }

    private static String ratio(Stats value, Stats baseline) {
        return Format.ratio(value.median() / baseline.median());
    }

    private static String mainOf(Candidate candidate) {
        return candidate.probe().getName();
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static byte[] eventBytes() throws IOException {
        try (InputStream in = JsonLibraryBench.class.getResourceAsStream(EVENT_RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + EVENT_RESOURCE + " missing next to " + JsonLibraryBench.class);
            }
            return in.readAllBytes();
        }
    }
}
