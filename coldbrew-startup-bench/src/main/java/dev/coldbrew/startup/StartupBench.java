package dev.coldbrew.startup;

import dev.coldbrew.bench.measure.LoadAverage;
import dev.coldbrew.bench.report.Format;
import dev.coldbrew.startup.harness.Flags;
import dev.coldbrew.startup.spawn.Spawner;
import dev.coldbrew.startup.spawn.Subject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up benchmark: spawns the hello function {@code --runs} times per subject against a fake Runtime API
 * ({@link dev.coldbrew.startup.server.TimedRuntimeApi}) and reports spawn → first {@code /next}, the first invoke
 * and peak RSS, with ratios against AWS's runtime interface client and {@code java -version}, all measured in the
 * same run. Subjects run interleaved, round after round; AOT caches are trained first. The table is printed and
 * written to {@code <out>/startup.md}.
 *
 * <p>Run: {@code coldbrew-startup-bench/startup-bench --runs 20} (see the package documentation).
 */
public final class StartupBench {
    /** The event every subject answers. */
    static final byte[] EVENT = "{\"name\":\"coldbrew\"}".getBytes(StandardCharsets.UTF_8);
    /** What every subject's reply contains (the hello greeting). */
    static final String GREETING = "Hello from coldbrew";

    private StartupBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Flags flags;
        try {
            flags = Flags.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("startup-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        String table = run(flags, System.err);
        System.out.print(table);
    }

    /** Runs the whole benchmark, logging progress to {@code progress}, and returns the markdown report. */
    static String run(Flags flags, PrintStream progress) throws IOException, InterruptedException {
        Files.createDirectories(flags.out());
        Subjects subjects = new Subjects(flags.out());
        List<Subject> main = subjects.main();
        if (flags.nativeImage()) {
            progress.println("startup-bench: building hello as a native executable");
            main.add(3, subjects.nativeHello());
        }
        List<Subject> loops = subjects.loops();
        List<Subject> all = new ArrayList<>(main);
        all.addAll(loops);
        Spawner spawner = new Spawner(EVENT, GREETING, flags.out(), flags.jvmOptions());
        for (Subject subject : all) {
            if (subject.hasAotCache()) {
                progress.println("startup-bench: training " + subject.name());
                spawner.train(subject);
            }
        }
        String loadBefore = Format.load(LoadAverage.oneMinute());
        Results results = new Results();
        for (int round = 1; round <= flags.runs(); round++) {
            progress.println("startup-bench: round " + round + " of " + flags.runs());
            results.addJavaVersion(spawner.javaVersion());
            for (Subject subject : all) {
                results.add(subject, spawner.measure(subject));
            }
        }
        String report =
                Report.render(results, main, loops, flags, loadBefore + " → " + Format.load(LoadAverage.oneMinute()));
        Files.writeString(flags.out().resolve("startup.md"), report);
        return report;
    }
}
