package dev.coldbrew.startup;

import static dev.coldbrew.runtime.api.RuntimeApi.ENV_HANDLER;

import dev.coldbrew.nativeimage.NativeImageException;
import dev.coldbrew.nativeimage.NativeImageRequest;
import dev.coldbrew.nativeimage.NativeImageResult;
import dev.coldbrew.nativeimage.NativeImages;
import dev.coldbrew.startup.handlers.HelloPojoHandler;
import dev.coldbrew.startup.handlers.HelloStreamHandler;
import dev.coldbrew.startup.harness.ClassPathJars;
import dev.coldbrew.startup.harness.ProbeJar;
import dev.coldbrew.startup.loops.Greeting;
import dev.coldbrew.startup.loops.SocketLoop;
import dev.coldbrew.startup.loops.UrlConnectionLoop;
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
    static final String RIC_AOT = "AWS RIC 2.10.1 + AOT cache";
    static final String RIC_POJO = "AWS RIC 2.10.1, POJO RequestHandler";
    static final String COLDBREW_POJO = "coldbrew Main + coldbrew-json, POJO RequestHandler";
    static final String COLDBREW_POJO_AOT = COLDBREW_POJO + " + AOT cache";
    static final String COLDBREW = "coldbrew";
    static final String COLDBREW_AOT = "coldbrew + AOT cache";
    static final String COLDBREW_NATIVE = "coldbrew native image";
    static final String HELLO_MAIN = "dev.coldbrew.examples.hello.Hello";
    static final String GENERIC_MAIN = "dev.coldbrew.runtime.Main";
    static final String SOCKET_LOOP = "socket loop + AOT cache";
    static final String URL_CONNECTION_LOOP = "HttpURLConnection loop + AOT cache";

    /** The AWS client subject that runs the same handler form as {@code subject}: its baseline. */
    static String ricBaselineOf(String subject) {
        return subject.contains("POJO") ? RIC_POJO : RIC_NAME;
    }

    private final ClassPathJars jars = ClassPathJars.current();
    private final Path dir;
    private final Path helloStreamJar;
    private final Path helloPojoJar;
    private final Path loopsJar;

    /** Writes the handler and loop jars (once: AOT caches check the jars' times) under {@code out/subjects}. */
    Subjects(Path out) throws IOException {
        this.dir = Files.createDirectories(out.resolve("subjects"));
        this.helloStreamJar = ProbeJar.write(dir.resolve("hello-stream.jar"), HelloStreamHandler.class, Greeting.class);
        this.helloPojoJar = ProbeJar.write(dir.resolve("hello-pojo.jar"), HelloPojoHandler.class);
        this.loopsJar =
                ProbeJar.write(dir.resolve("loops.jar"), SocketLoop.class, UrlConnectionLoop.class, Greeting.class);
    }

    /** The functions of the main table: AWS's client first (the baseline), then coldbrew's. */
    List<Subject> main() {
        List<Subject> subjects = new ArrayList<>();
        Subject ric = ric();
        subjects.add(ric);
        subjects.add(ric.withAotCache(RIC_AOT, dir.resolve("ric-hello.aot")));
        Subject coldbrew = coldbrew();
        subjects.add(coldbrew);
        subjects.add(coldbrew.withAotCache(COLDBREW_AOT, dir.resolve("coldbrew-hello.aot")));
        subjects.add(ricPojo());
        Subject coldbrewPojo = coldbrewPojo();
        subjects.add(coldbrewPojo);
        subjects.add(coldbrewPojo.withAotCache(COLDBREW_POJO_AOT, dir.resolve("coldbrew-pojo.aot")));
        return subjects;
    }

    /**
     * examples/hello as a native executable, built by coldbrew-native (a GraalVM native-image where installed,
     * else GraalVM's builder from Maven Central) into {@code out/subjects/native}.
     */
    Subject nativeHello() throws IOException {
        List<Path> classPath = jars.jars("coldbrew-example-hello", "coldbrew-runtime", "coldbrew-runtime-api");
        Path executable = dir.resolve("native").resolve("hello");
        try {
            NativeImageResult result = NativeImages.locate(System.getenv())
                    .build(NativeImageRequest.of(classPath, HELLO_MAIN, executable), dir.resolve("native-build"));
            return Subject.nativeExecutable(COLDBREW_NATIVE, result.executable());
        } catch (NativeImageException e) {
            throw new IOException("native image of " + HELLO_MAIN + ": " + e.getMessage(), e);
        }
    }

    /** The two minimal loops behind the hand-written HTTP client, each with an AOT cache. */
    List<Subject> loops() {
        List<Path> loops = List.of(loopsJar);
        return List.of(
                Subject.plain(SOCKET_LOOP, loops, SocketLoop.class.getName(), List.of(), Map.of())
                        .withAotCache(SOCKET_LOOP, dir.resolve("socket-loop.aot")),
                Subject.plain(URL_CONNECTION_LOOP, loops, UrlConnectionLoop.class.getName(), List.of(), Map.of())
                        .withAotCache(URL_CONNECTION_LOOP, dir.resolve("url-connection-loop.aot")));
    }

    /** examples/hello: {@code main} registers a {@code BytesHandler} with the coldbrew runtime. */
    private Subject coldbrew() {
        List<Path> classPath = jars.jars("coldbrew-example-hello", "coldbrew-runtime", "coldbrew-runtime-api");
        return Subject.plain(COLDBREW, classPath, HELLO_MAIN, List.of(), Map.of());
    }

    /** AWS's runtime interface client running the same greeting as a {@code RequestStreamHandler}. */
    private Subject ric() {
        return ric(RIC_NAME, helloStreamJar, HelloStreamHandler.class);
    }

    /** AWS's runtime interface client running {@link HelloPojoHandler}. */
    private Subject ricPojo() {
        return ric(RIC_POJO, helloPojoJar, HelloPojoHandler.class);
    }

    private Subject ric(String name, Path handlerJar, Class<?> handler) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(handlerJar);
        classPath.addAll(jars.jars(
                "aws-lambda-java-runtime-interface-client",
                "aws-lambda-java-core",
                "aws-lambda-java-serialization",
                "utils-lite",
                "annotations"));
        String handlerName = handler.getName() + "::handleRequest";
        return Subject.plain(name, classPath, RIC_MAIN, List.of(handlerName), Map.of(ENV_HANDLER, handlerName));
    }

    /** coldbrew's generic {@code Main} resolving {@link HelloPojoHandler} from {@code _HANDLER}, with coldbrew-json. */
    private Subject coldbrewPojo() {
        List<Path> classPath = new ArrayList<>();
        classPath.add(helloPojoJar);
        classPath.addAll(jars.jars(
                "aws-lambda-java-core",
                "coldbrew-runtime",
                "coldbrew-runtime-api",
                "coldbrew-json",
                "jackson-jr-objects",
                "jackson-core"));
        String handlerName = HelloPojoHandler.class.getName() + "::handleRequest";
        return Subject.plain(COLDBREW_POJO, classPath, GENERIC_MAIN, List.of(), Map.of(ENV_HANDLER, handlerName));
    }
}
