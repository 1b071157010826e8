package dev.coldbrew.nativeimage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The two native images the integration tests share, each built once per test JVM (about two minutes each on two
 * cores, so the module builds no more): {@code hello} (explicit registration, the smallest function) and
 * {@code functions}, whose main is {@link dev.coldbrew.nativeimage.probe.NativeProbe}: coldbrew's generic main
 * over echo, sin, kmeans (Commons Math, org.json), the aws-lambda-java-core OrderHandler (coldbrew-json), a heap
 * hog and a command handler, selected by {@code _HANDLER}, with both go1.x transports on its class path:
 * coldbrew-gorpc-runtime (the default) and the seed's JNI bridge, coldbrew-bridge-jni-go ({@code COLDBREW_TRANSPORT=jni-go}).
 * {@code -Dcoldbrew.native.reuse=true} reuses images left in {@code target/native-it} by an earlier run (for working
 * on the tests, not for CI).
 */
final class TestImages {
    static final Path ROOT = Path.of("target", "native-it").toAbsolutePath();

    private static final List<String> HELLO_JARS =
            List.of("coldbrew-example-hello-", "coldbrew-runtime-0", "coldbrew-runtime-api-");
    private static final List<String> FUNCTION_JARS = List.of(
            "coldbrew-example-echo-",
            "coldbrew-example-sin-",
            "coldbrew-example-kmeans-",
            "coldbrew-example-aws-core-",
            "coldbrew-example-event-numbers-",
            "coldbrew-runtime-0",
            "coldbrew-runtime-api-",
            "coldbrew-json-",
            "coldbrew-gorpc-0",
            "coldbrew-gorpc-runtime-",
            "coldbrew-bridge-jni-go-",
            "aws-lambda-java-core-",
            "aws-lambda-java-events-",
            "jackson-jr-objects-",
            "jackson-core-",
            "joda-time-",
            "commons-math3-",
            "json-2");

    private static Path hello;
    private static Path functions;
    /** A failed build fails every test that needs it, without building again. */
    private static final java.util.Map<String, Exception> FAILED = new java.util.HashMap<>();

    private TestImages() {}

    static synchronized Path hello() throws Exception {
        if (hello == null) {
            hello = build("hello", "dev.coldbrew.examples.hello.Hello", select(HELLO_JARS));
        }
        return hello;
    }

    static synchronized Path functions() throws Exception {
        if (functions == null) {
            functions = build("functions", "dev.coldbrew.nativeimage.probe.NativeProbe", functionsClassPath());
        }
        return functions;
    }

    /** The class path of the functions image: the test classes (the probe, the hog, their metadata) and the jars. */
    static List<Path> functionsClassPath() {
        List<Path> classPath = new java.util.ArrayList<>(
                List.of(Path.of("target", "test-classes").toAbsolutePath()));
        classPath.addAll(select(FUNCTION_JARS));
        return classPath;
    }

    static List<Path> select(List<String> prefixes) {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(p -> prefixes.stream()
                        .anyMatch(prefix -> p.getFileName().toString().startsWith(prefix)))
                .toList();
        for (String prefix : prefixes) {
            if (entries.stream().noneMatch(p -> p.getFileName().toString().startsWith(prefix))) {
                throw new AssertionError("no " + prefix + "*.jar on the test class path");
            }
        }
        return entries;
    }

    private static Path build(String name, String mainClass, List<Path> classPath) throws Exception {
        if (FAILED.containsKey(name)) {
            throw new AssertionError("the " + name + " image failed to build earlier", FAILED.get(name));
        }
        try {
            return buildOnce(name, mainClass, classPath);
        } catch (Exception e) {
            FAILED.put(name, e);
            throw e;
        }
    }

    private static Path buildOnce(String name, String mainClass, List<Path> classPath) throws Exception {
        Path executable = ROOT.resolve(name).resolve(name);
        if (Boolean.getBoolean("coldbrew.native.reuse") && Files.isExecutable(executable)) {
            return executable;
        }
        NativeImageTool tool = NativeImages.locate(System.getenv());
        tool.build(NativeImageRequest.of(classPath, mainClass, executable), ROOT.resolve(name + "-build"));
        return executable;
    }
}
