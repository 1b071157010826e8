package dev.coldbrew.bench.workload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A function the bench runs: one of the examples, deployable on its own, with the event it is invoked with. The
 * same code directory ({@code examples/<id>/target/function}) serves every strategy; the strategy decides how it
 * starts.
 */
public enum Workload {
    /** Returns its input: what is left is runtime overhead. */
    ECHO("echo", "dev.coldbrew.examples.echo.Echo", "{\"message\":\"hello from coldbrew bench\"}", null, 20),
    /** The seed's second workload: 10 million {@code x = sin(x)}. */
    SIN("sin", "dev.coldbrew.examples.sin.Sin", "{\"iterations\":10000000}", "{\"iterations\":100000}", 3),
    /** The seed's workload: k-means++ over 10,000 seeded 2-d points into 10 clusters. */
    KMEANS(
            "kmeans",
            "dev.coldbrew.examples.kmeans.Kmeans",
            "{\"n\":10000,\"d\":2,\"k\":10,\"seed\":42}",
            "{\"n\":1000,\"d\":2,\"k\":5,\"seed\":42}",
            5);

    private final String id;
    private final String classPrefix;
    private final String event;
    private final String smallEvent;
    private final int trainingInvokes;

    Workload(String id, String classPrefix, String event, String smallEvent, int trainingInvokes) {
        this.id = id;
        this.classPrefix = classPrefix;
        this.event = event;
        this.smallEvent = smallEvent == null ? event : smallEvent;
        this.trainingInvokes = trainingInvokes;
    }

    public String id() {
        return id;
    }

    /** The event of a real run; {@code small} picks a cheaper one for pipeline checks. */
    public byte[] event(boolean small) {
        return (small ? smallEvent : event).getBytes(StandardCharsets.UTF_8);
    }

    /** How many times an AOT training run invokes the function before it ends. */
    public int trainingInvokes() {
        return trainingInvokes;
    }

    /** {@code _HANDLER} for AWS's own Java runtime: the example's {@code RequestStreamHandler}. */
    public String awsHandler() {
        return classPrefix + "AwsHandler::handleRequest";
    }

    /** The example's {@code main}, which registers its handler with coldbrew's runtime. */
    public String coldbrewMainClass() {
        return classPrefix + "Function";
    }

    /** The example's Lambda code directory under the repository {@code home}; fails if it was not built. */
    public Path codeDirectory(Path home) {
        Path dir = home.resolve("examples").resolve(id).resolve("target").resolve("function");
        if (!Files.isDirectory(dir.resolve("lib"))) {
            throw new IllegalStateException("workload " + id + ": no code directory at " + dir
                    + " (build it with ./mvnw -B -q install -DskipTests -pl examples/" + id + " -am)");
        }
        return dir;
    }

    /** Parses a workload id, naming the valid ones when it is unknown. */
    public static Workload parse(String value) {
        for (Workload w : values()) {
            if (w.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + value + "': valid workloads are " + ids());
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Workload::id).toList());
    }

    public static List<Workload> all() {
        return List.of(values());
    }
}
