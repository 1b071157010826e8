package dev.coldbrew.pack;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * Measures cold starts (Init Duration + Duration of the first invoke, from the local Lambda's REPORT) of a function
 * packaged by coldbrew against the same jars on the plain JDK, in one run, interleaved. Not a test: run it by hand
 * with the test class path, {@code ColdStartComparison hello|kmeans [n] [c1|-] [memoryMb]}.
 */
public final class ColdStartComparison {
    private ColdStartComparison() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "hello";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int memoryMb = args.length > 3 ? Integer.parseInt(args[3]) : 512;
        Path dir = Files.createTempDirectory("coldbrew-coldstart-");
        boolean kmeans = which.equals("kmeans");
        List<Path> jars = kmeans ? TestJars.kmeans(dir) : TestJars.hello(dir);
        String main = kmeans ? "dev.coldbrew.examples.kmeans.KmeansFunction" : "dev.coldbrew.examples.hello.Hello";
        String event = kmeans ? "{\"n\":2000,\"d\":2,\"k\":5}" : "{\"name\":\"a\"}";
        Path events = PackagedFunctions.events(dir.resolve("events"), event);

        Map<String, Path> subjects = new LinkedHashMap<>();
        subjects.put("plain JDK 25 (java -cp)", plainJdk(dir.resolve("plain"), jars, main));
        subjects.put("coldbrew package, --no-aot", pack(dir, "noaot", jars, main, events, r -> r.aotCache(false)));
        subjects.put("coldbrew package (jlink + AOT)", pack(dir, "aot", jars, main, events, r -> r));
        if (args.length > 2 && args[2].equals("c1")) {
            List<String> flags = new ArrayList<>(JvmFlags.DEFAULTS);
            flags.add("-XX:TieredStopAtLevel=1");
            subjects.put(
                    "coldbrew package, AOT + C1 only", pack(dir, "aotc1", jars, main, events, r -> r.jvmFlags(flags)));
        }

        Map<String, List<Double>> coldStarts = new LinkedHashMap<>();
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            int i = 0;
            for (Map.Entry<String, Path> s : subjects.entrySet()) {
                lambda.register(PackagedFunctions.provided("f" + i++, s.getValue(), main, Map.of())
                        .withMemoryMb(memoryMb));
                coldStarts.put(s.getKey(), new ArrayList<>());
            }
            for (int round = 0; round < n; round++) {
                i = 0;
                for (String name : subjects.keySet()) {
                    String fn = "f" + i++;
                    InvocationResult r = lambda.invoke(fn, event.getBytes(StandardCharsets.UTF_8));
                    if (r.isFunctionError() || r.report().initDurationMs().isEmpty()) {
                        throw new IllegalStateException(name + " failed: " + r.payloadText() + "\n" + r.log());
                    }
                    coldStarts
                            .get(name)
                            .add(r.report().initDurationMs().getAsDouble()
                                    + r.report().durationMs());
                    lambda.stopEnvironments(fn);
                }
            }
            warm(lambda, subjects, kmeans ? "{\"n\":20000,\"d\":2,\"k\":10}" : event);
        }
        System.out.printf(
                Locale.ROOT, "%s, %d MB, n=%d cold starts each (Init Duration + first Duration)%n", which, memoryMb, n);
        double base = median(coldStarts.values().iterator().next());
        for (Map.Entry<String, List<Double>> e : coldStarts.entrySet()) {
            double[] v = e.getValue().stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "| %-32s | %8.1f ms | %7.1f–%7.1f | %.2f× |%n",
                    e.getKey(),
                    median(e.getValue()),
                    v[0],
                    v[v.length - 1],
                    median(e.getValue()) / base);
        }
        System.out.println("zip sizes: " + sizes(dir));
        dev.coldbrew.pack.layout.Folders.deleteTree(dir);
    }

    /** Median Duration of 20 warm invokes after 10 discarded ones, per subject. */
    private static void warm(LocalLambda lambda, Map<String, Path> subjects, String event) {
        int i = 0;
        for (String name : subjects.keySet()) {
            String fn = "f" + i++;
            List<Double> durations = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                InvocationResult r = lambda.invoke(fn, event.getBytes(StandardCharsets.UTF_8));
                if (k >= 10) {
                    durations.add(r.report().durationMs());
                }
            }
            double[] v =
                    durations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT, "warm %-32s | %8.1f ms | %7.1f–%7.1f%n", name, median(durations), v[0], v[19]);
        }
    }

    private static Path pack(
            Path dir,
            String name,
            List<Path> jars,
            String main,
            Path events,
            UnaryOperator<PackageRequest.Builder> options)
            throws Exception {
        PackageRequest.Builder request = PackageRequest.builder()
                .jars(jars)
                .mainClass(main)
                .eventsDir(events)
                .modules(List.of("java.base"))
                .outputDir(dir.resolve(name));
        PackagedFunctions.Outcome o = PackagedFunctions.pack(options.apply(request));
        if (!o.packed()) {
            throw new IllegalStateException(o.log());
        }
        System.out.print(o.summary());
        return PackagedFunctions.unzip(dir.resolve(name).resolve("function.zip"), dir.resolve(name + "-task"));
    }

    /** A provided.al2023 code dir whose bootstrap runs the build machine's full JDK with no flags. */
    private static Path plainJdk(Path task, List<Path> jars, String main) throws Exception {
        Files.createDirectories(task);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(
                File.pathSeparator, jars.stream().map(Path::toString).toList());
        Path bootstrap = task.resolve("bootstrap");
        Files.writeString(bootstrap, "#!/bin/sh\nexec '" + java + "' -cp '" + cp + "' " + main + "\n");
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        return task;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String sizes(Path dir) throws Exception {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("noaot", "aot")) {
            s.append(name)
                    .append('=')
                    .append(Files.size(dir.resolve(name).resolve("function.zip")))
                    .append(" B ");
        }
        return s.toString();
    }
}
