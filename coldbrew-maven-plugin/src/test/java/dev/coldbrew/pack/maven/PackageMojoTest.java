package dev.coldbrew.pack.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as Maven runs it, with the parameters Maven would inject, on the kmeans example's jars. */
class PackageMojoTest {
    @TempDir
    Path dir;

    private PackageMojo mojo;

    @BeforeEach
    void mojo() {
        mojo = new PackageMojo();
        mojo.jar = jarOf(dev.coldbrew.examples.kmeans.KmeansFunction.class, "kmeans.jar")
                .toFile();
        mojo.classesDirectory = dir.resolve("classes").toFile();
        mojo.classpathElements = List.of(
                mojo.classesDirectory.toString(),
                jarOf(org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer.class, "cm3.jar")
                        .toString(),
                jarOf(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class, "core.jar")
                        .toString(),
                jarOf(org.json.JSONObject.class, "json.jar").toString(),
                jarOf(dev.coldbrew.runtime.LambdaRuntime.class, "runtime.jar").toString(),
                jarOf(dev.coldbrew.runtime.api.RuntimeApi.class, "runtime-api.jar")
                        .toString());
        mojo.target = "java21";
        mojo.mainClass = "dev.coldbrew.examples.kmeans.KmeansFunction";
        mojo.trainingRounds = 1;
        mojo.aot = true;
        mojo.verify = true;
        mojo.functionName = "kmeans";
        mojo.memoryMb = 1024;
        mojo.timeoutSeconds = 60;
        mojo.outputDirectory = dir.resolve("coldbrew").toFile();
        mojo.jdk = new java.io.File(System.getProperty("java.home"));
    }

    /** The goal as Maven runs it, the packaging's class path being this test's (coldbrew-package and its jars). */
    private void execute() throws MojoExecutionException, MojoFailureException {
        mojo.execute(Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .toList());
    }

    @Test
    void packagesTheProjectJarFirstThenItsRuntimeDependencies() throws Exception {
        assertThat(mojo.jars()).hasSize(6).first().isEqualTo(mojo.jar.toPath());
        execute();
        Path zip = dir.resolve("coldbrew/function.zip");
        try (FileSystem fs = FileSystems.newFileSystem(zip);
                Stream<Path> lib = Files.list(fs.getPath("/lib"))) {
            assertThat(lib).hasSize(6);
            assertThat(fs.getPath("/coldbrew-wrapper")).exists();
        }
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            assertThat(fs.getPath("/coldbrew.aot"))
                    .as("no AOT cache for a managed runtime, whose JVM Lambda updates under the zip")
                    .doesNotExist();
            assertThat(Files.readString(fs.getPath("/coldbrew-wrapper"))).doesNotContain("AOTCache");
        }
        assertThat(Files.readString(dir.resolve("coldbrew/template.yaml")))
                .contains("Runtime: java21")
                .contains("MemorySize: 1024")
                .contains("Timeout: 60");
    }

    @Test
    void primeWritesTheEventsAndTheLauncherNamesThem() throws Exception {
        Path events = Files.createDirectories(dir.resolve("priming-events"));
        Files.writeString(events.resolve("sample.json"), "{\"n\":100,\"d\":2,\"k\":3}");
        mojo.prime = true;
        mojo.primingEvents = events.toFile();
        execute();
        try (FileSystem fs = FileSystems.newFileSystem(dir.resolve("coldbrew/function.zip"))) {
            assertThat(Files.readString(fs.getPath("/priming/sample.json"))).isEqualTo("{\"n\":100,\"d\":2,\"k\":3}");
            assertThat(Files.readString(fs.getPath("/coldbrew-wrapper")))
                    .contains("export COLDBREW_PRIMING=\"${COLDBREW_PRIMING:-priming}\"");
        }
    }

    @Test
    void aPackagingErrorFailsTheBuildWithItsMessage() throws IOException {
        Path events = Files.createDirectories(dir.resolve("bad-events"));
        Files.writeString(events.resolve("broken.json"), "{not json");
        mojo.events = events.toFile();
        assertThatThrownBy(this::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("coldbrew:package: ")
                .hasMessageContaining("broken.json");
    }

    @Test
    void noHandlerNoMainClassAndNoManifestMainClassIsAConfigurationError() {
        mojo.mainClass = null;
        mojo.handler = null;
        assertThatThrownBy(this::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("coldbrew:package: no <handler> and no <mainClass> configured, and "
                        + mojo.jar.getName() + " has no Main-Class in its manifest");
    }

    @Test
    void aMissingProjectJarIsAConfigurationError() {
        mojo.jar = dir.resolve("target/missing.jar").toFile();
        assertThatThrownBy(this::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the project's jar " + mojo.jar + " does not exist");
    }

    @Test
    void aJdkOlderThan25IsRefusedNamingIt() throws IOException {
        Path old = Files.createDirectories(dir.resolve("jdk-17/bin"));
        Files.writeString(old.resolve("java"), "#!/bin/sh\nexit 1\n");
        old.resolve("java").toFile().setExecutable(true);
        Files.writeString(dir.resolve("jdk-17/release"), "JAVA_VERSION=\"17.0.15\"\n");
        mojo.jdk = dir.resolve("jdk-17").toFile();
        assertThatThrownBy(this::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("coldbrew:package: <jdk> (coldbrew.jdk) is " + mojo.jdk
                        + ", which is JDK 17: the packaging needs a JDK 25 or newer");
    }

    @Test
    void theRequestReachesThePackagingAsGiven() throws IOException {
        mojo.environment = java.util.Map.of("GREETING", "hello world");
        mojo.modules = List.of("java.base", "java.logging");
        mojo.jvmFlags = List.of("-XX:+UseSerialGC", "-Dx=a b");
        Path file = dir.resolve("request.properties");
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            mojo.requestProperties().store(out, null);
        }
        dev.coldbrew.pack.PackageRequest request = dev.coldbrew.pack.PackageMain.read(file);
        assertThat(request.jars()).isEqualTo(mojo.jars());
        assertThat(request.target()).isEqualTo(dev.coldbrew.pack.Target.JAVA21);
        assertThat(request.mainClass()).isEqualTo(mojo.mainClass);
        assertThat(request.memoryMb()).isEqualTo(1024);
        assertThat(request.timeoutSeconds()).isEqualTo(60);
        assertThat(request.functionName()).isEqualTo("kmeans");
        assertThat(request.trainingRounds()).isEqualTo(1);
        assertThat(request.environment()).containsExactly(java.util.Map.entry("GREETING", "hello world"));
        assertThat(request.modules()).containsExactly("java.base", "java.logging");
        assertThat(request.jvmFlags()).containsExactly("-XX:+UseSerialGC", "-Dx=a b");
        assertThat(request.outputDir()).isEqualTo(mojo.outputDirectory.toPath().toAbsolutePath());
    }

    @Test
    void aBadParameterIsAConfigurationError() {
        mojo.target = "java8";
        assertThatThrownBy(this::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown target 'java8'");
    }

    @Test
    void skipWritesNothing() throws Exception {
        mojo.skip = true;
        execute();
        assertThat(dir.resolve("coldbrew")).doesNotExist();
    }

    /** The jar a class came from; a classes folder (reactor build before packaging) is jarred first. */
    private Path jarOf(Class<?> type, String name) {
        try {
            Path source = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                return source;
            }
            Path jar = dir.resolve(name);
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, new Manifest());
                    Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(source.relativize(p).toString()));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
