package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.InvocationResult;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.pack.cli.PackageCommand;
import dev.coldbrew.pack.nativeimage.NativeImageBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --native} up to and after the native-image call. No GraalVM is installed here, so {@code GRAALVM_HOME}
 * points at a stand-in {@code native-image} that checks the arguments coldbrew passes and writes, at {@code -o}, an
 * executable that starts the same main on this machine's JVM: the zip around it is then run in the local Lambda.
 */
class NativeImageIT {
    @TempDir
    Path dir;

    private PackagedFunctions.Outcome packNative(String... entry) throws Exception {
        Path graal = standIn(dir.resolve("graalvm"));
        List<String> args = new ArrayList<>(PackagedFunctions.jarArgs(TestJars.hello(dir)));
        args.add("--native");
        args.addAll(List.of(entry));
        args.addAll(
                List.of("--name", "hello-native", "--output", dir.resolve("out").toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PackageCommand.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("GRAALVM_HOME", graal.toString(), "PATH", "/usr/bin:/bin"),
                args.toArray(String[]::new));
        return new PackagedFunctions.Outcome(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private InvocationResult run(String handler) throws Exception {
        Path task = PackagedFunctions.unzip(dir.resolve("out/function.zip"), dir.resolve("task"));
        assertThat(task.resolve("bootstrap")).isExecutable();
        assertThat(task.resolve("lib")).doesNotExist();
        assertThat(task.resolve("runtime")).doesNotExist();
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalLambda lambda = PackagedFunctions.localLambda(log)) {
            lambda.register(PackagedFunctions.provided("hello-native", task, handler, Map.of()));
            return lambda.invoke("hello-native", "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theNativeExecutableBecomesTheBootstrapAndTheJarsStayOut() throws Exception {
        PackagedFunctions.Outcome outcome = packNative("--main-class", "dev.coldbrew.examples.hello.Hello");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(PackagedFunctions.summaryValue(outcome.out(), "target"))
                .isEqualTo("provided.al2023 (native), x86_64");
        assertThat(Files.readString(dir.resolve("native-image.args")))
                .contains("--no-fallback")
                .contains("-march=compatibility")
                .contains("dev.coldbrew.examples.hello.Hello")
                .doesNotContain(NativeImageBuilder.HANDLER_METADATA_JAR);
        InvocationResult result = run("hello");
        assertThat(result.payloadText()).as(result.log()).contains("Hello from coldbrew");
    }

    @Test
    void aHandlerLoadedByNameIsRegisteredForReflection() throws Exception {
        PackagedFunctions.Outcome outcome = packNative("--handler", "dev.coldbrew.examples.hello.Hello");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        String args = Files.readString(dir.resolve("native-image.args"));
        assertThat(args).contains(Entrypoint.COLDBREW_MAIN).contains(NativeImageBuilder.HANDLER_METADATA_JAR);
        String json;
        try (java.util.jar.JarFile jar =
                new java.util.jar.JarFile(dir.resolve("metadata.jar").toFile())) {
            var entry = jar.getJarEntry("META-INF/native-image/dev.coldbrew/handler/reachability-metadata.json");
            json = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json)
                .contains("\"reflection\"")
                .contains("\"type\":\"dev.coldbrew.examples.hello.Hello\"")
                .contains("\"name\":\"<init>\"");
        InvocationResult result = run("dev.coldbrew.examples.hello.Hello");
        assertThat(result.payloadText()).as(result.log()).contains("Hello from coldbrew");
    }

    /** A GRAALVM_HOME whose bin/native-image records its arguments and writes a launcher at -o. */
    private Path standIn(Path home) throws Exception {
        Path tool = home.resolve("bin/native-image");
        Files.createDirectories(tool.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(tool, """
                #!/bin/sh
                printf '%%s\\n' "$@" > '%s'
                for a in "$@"; do
                  case "$a" in *coldbrew-handler-metadata.jar*) ;; *) continue ;; esac
                  for j in $(echo "$a" | tr ':' ' '); do
                    case "$j" in */coldbrew-handler-metadata.jar) cp "$j" '%s' ;; esac
                  done
                done
                while [ $# -gt 1 ]; do
                  case "$1" in
                    -cp) cp=$2; shift ;;
                    -o) out=$2; shift ;;
                  esac
                  shift
                done
                printf '#!/bin/sh\\nexec %s -cp %%s %%s\\n' "$cp" "$1" > "$out"
                chmod 755 "$out"
                """.formatted(dir.resolve("native-image.args"), dir.resolve("metadata.jar"), java));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
