package dev.coldbrew.startup;

import static dev.coldbrew.runtime.api.RuntimeApi.ENV_HANDLER;

import dev.coldbrew.startup.harness.ClassPathJars;
import dev.coldbrew.startup.harness.ProbeJar;
import dev.coldbrew.startup.loops.Greeting;
import dev.coldbrew.startup.loops.SocketLoop;
import dev.coldbrew.startup.loops.UrlConnectionLoop;
import dev.coldbrew.startup.ric.HelloStreamHandler;
import dev.coldbrew.startup.spawn.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ways of starting the hello function that the benchmark compares, with their class paths. */
final class Subjects {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String RIC_NAME = "AWS RIC 2.10.1";
    static final String SOCKET_LOOP = "socket loop + AOT cache";
    static final String URL_CONNECTION_LOOP = "HttpURLConnection loop + AOT cache";

    private final ClassPathJars jars = ClassPathJars.current();
    private final Path dir;

    Subjects(Path out) throws IOException {
        this.dir = Files.createDirectories(out.resolve("subjects"));
    }

    /** The functions of the main table: AWS's client first (the baseline), then coldbrew's. */
    List<Subject> main() {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(ric());
        return subjects;
    }

    /** The two minimal loops behind the hand-written HTTP client, each with an AOT cache. */
    List<Subject> loops() {
        Path loops =
                ProbeJar.write(dir.resolve("loops.jar"), SocketLoop.class, UrlConnectionLoop.class, Greeting.class);
        return List.of(
                Subject.plain(SOCKET_LOOP, List.of(loops), SocketLoop.class.getName(), List.of(), Map.of())
                        .withAotCache(SOCKET_LOOP, dir.resolve("socket-loop.aot")),
                Subject.plain(
                                URL_CONNECTION_LOOP,
                                List.of(loops),
                                UrlConnectionLoop.class.getName(),
                                List.of(),
                                Map.of())
                        .withAotCache(URL_CONNECTION_LOOP, dir.resolve("url-connection-loop.aot")));
    }

    /** AWS's runtime interface client running the same greeting as a {@code RequestStreamHandler}. */
    private Subject ric() {
        List<Path> classPath = new ArrayList<>();
        classPath.add(ProbeJar.write(dir.resolve("ric-hello.jar"), HelloStreamHandler.class, Greeting.class));
        classPath.addAll(jars.jars(
                "aws-lambda-java-runtime-interface-client",
                "aws-lambda-java-core",
                "aws-lambda-java-serialization",
                "utils-lite",
                "annotations"));
        String handler = HelloStreamHandler.class.getName() + "::handleRequest";
        return Subject.plain(RIC_NAME, classPath, RIC_MAIN, List.of(handler), Map.of(ENV_HANDLER, handler));
    }
}
