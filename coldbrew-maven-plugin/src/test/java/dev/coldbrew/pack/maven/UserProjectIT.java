package dev.coldbrew.pack.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.config.SamTemplate;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java developer's own project, outside coldbrew's reactor: the system's Maven on a JDK 17 builds it with the
 * README's Maven snippets as written (dependencies and plugin from the repository {@code invoker:install} filled
 * with this build's artifacts), the goal packages it in a JDK 25 it finds through a toolchain, and the package runs
 * in coldbrew's local Lambda through a hand-written SAM template (parameters' defaults through {@code !Ref},
 * {@code Globals}), beside the project's own jar as a {@code CodeUri} on the managed {@code java21} runtime.
 */
class UserProjectIT {
    /** Where the test's project comes from. */
    static final Path PROJECT = Path.of("src/test/user-project");

    @TempDir
    Path dir;

    @Test
    void theReadmesSnippetsBuildAndPackageAUserProjectOnMavenOnJdk17() throws Exception {
        Path mvn = systemMaven().orElse(null);
        Assumptions.assumeTrue(mvn != null, "no mvn on PATH: this test runs the system's Maven, as users do");
        JdkFinder.Found jdk17 = JdkFinder.first(
                        JdkFinder.usualCandidates(
                                System.getenv("JAVA_HOME"),
                                Path.of(System.getProperty("java.home")),
                                Path.of(System.getProperty("user.home"))),
                        v -> v >= 17 && v < JdkFinder.REQUIRED)
                .orElse(null);
        Assumptions.assumeTrue(
                jdk17 != null,
                "no JDK 17 to 24 in JAVA_HOME or the install places " + JdkFinder.INSTALL_PLACES
                        + ": this test runs Maven on an older JDK than the packaging's");

        Path project = copyProject(dir.resolve("greeter"));
        Path repo = Path.of(System.getProperty("coldbrew.it.repo", "target/it-repo"))
                .toAbsolutePath();
        assertThat(repo.resolve("dev/coldbrew/coldbrew-maven-plugin"))
                .as("invoker:install put this build's plugin into " + repo)
                .isDirectory();
        Path settings = settings(repo);
        Path toolchains = toolchains(Path.of(System.getProperty("java.home")));

        // a property users try: Maven would ignore it, the goal names it (and fails before any packaging)
        Build misspelt = mvn(mvn, jdk17, project, settings, toolchains, repo, "misspelt", "-Dcoldbrew.memory=1024");
        assertThat(misspelt.status()).as(misspelt.log()).isNotZero();
        assertThat(misspelt.log())
                .contains("coldbrew:package: unknown user property coldbrew.memory: coldbrew:package reads")
                .contains("coldbrew.memoryMb")
                .doesNotContain("coldbrew package: jlink");

        Build build = mvn(mvn, jdk17, project, settings, toolchains, repo, "package", "-Dcoldbrew.trainingRounds=1");
        String log = build.log();
        assertThat(build.status()).as("mvn package exit status; log:\n" + log).isZero();
        assertThat(log)
                .contains("Java version: " + jdk17.version())
                .contains("coldbrew:package: packaging with the JDK "
                        + Runtime.version().feature())
                .contains("(from jdk toolchain")
                .contains("AOT cache in use (-XX:AOTMode=on)");

        List<FunctionConfig> functions = SamTemplate.load(project.resolve("template.yaml"));
        assertThat(functions).extracting(FunctionConfig::name).containsExactlyInAnyOrder("Greeter", "GreeterJar");
        ConcurrentLinkedQueue<String> lambdaLog = new ConcurrentLinkedQueue<>();
        LocalOptions options = LocalOptions.builder()
                .logSink(lambdaLog::add)
                .awsRuntimeClasspath(awsRuntimeClasspath())
                .build();
        try (LocalLambda lambda = LocalLambda.create(options)) {
            for (FunctionConfig function : functions) {
                // !Ref MemoryMb and !Ref Greeting in Globals: the parameters' defaults
                assertThat(function.memoryMb()).as(function.name()).isEqualTo(512);
                lambda.register(function);
                InvocationResult result =
                        lambda.invoke(function.name(), "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));
                assertThat(result.functionError())
                        .as(function.name() + ": " + result.payloadText() + "\n" + result.log())
                        .isNull();
                assertThat(result.payloadText())
                        .as(function.name())
                        .contains("\"greeting\":\"Hello, Ada\"")
                        .contains("\"function\":\"" + function.name() + "\"");
                assertThat(result.log()).as(function.name()).contains("greeting Ada");
            }
        }
    }

    /** What a run of Maven left: its exit status and its output. */
    record Build(int status, String log) {}

    /** {@code mvn package} in {@code project} on {@code jdk} with this build's repository; {@code name} names the log. */
    private Build mvn(
            Path mvn,
            JdkFinder.Found jdk,
            Path project,
            Path settings,
            Path toolchains,
            Path repo,
            String name,
            String property)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                mvn.toString(),
                "-B",
                "-V",
                "-ntp",
                "-s",
                settings.toString(),
                "-t",
                toolchains.toString(),
                "-Dmaven.repo.local=" + repo,
                property,
                "package");
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        for (String variable : List.of(
                "MAVEN_OPTS",
                "MAVEN_ARGS",
                "MAVEN_CONFIG",
                "MAVEN_PROJECTBASEDIR",
                "MAVEN_DEBUG_OPTS",
                "JAVA_TOOL_OPTIONS")) {
            env.remove(variable);
        }
        env.put("JAVA_HOME", jdk.home().toString());
        env.put("PATH", jdk.home().resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
        Process maven = builder.start();
        try {
            maven.getOutputStream().close();
            if (!maven.waitFor(8, TimeUnit.MINUTES)) {
                throw new AssertionError("mvn " + String.join(" ", command) + " still runs after 8 minutes; log:\n"
                        + Files.readString(log));
            }
            return new Build(maven.exitValue(), Files.readString(log));
        } finally {
            maven.destroyForcibly();
        }
    }

    /** The jars of AWS's runtime interface client on the test class path: the managed java21 runtime's client. */
    private static List<Path> awsRuntimeClasspath() {
        List<Path> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("aws-lambda-java-runtime-interface-client")
                        || p.contains("aws-lambda-java-serialization")
                        || p.contains("aws-lambda-java-core"))
                .map(Path::of)
                .toList();
        assertThat(jars).as("AWS runtime client jars on the test class path").hasSizeGreaterThanOrEqualTo(2);
        return jars;
    }

    /** The test project with the README's snippets in place and the reactor's plugin versions. */
    private static Path copyProject(Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(PROJECT)) {
            for (Path source : walk.toList()) {
                Path copy = target.resolve(PROJECT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path readme = Path.of("../README.md");
        String pom = Files.readString(target.resolve("pom.xml"))
                .replace("<!-- README dependencies -->", ReadmeSnippet.dependencies(readme))
                .replace("<!-- README plugin -->", ReadmeSnippet.plugin(readme));
        for (String property : List.of(
                "aws-lambda-java-core.version",
                "resources-plugin.version",
                "compiler-plugin.version",
                "surefire.version",
                "jar-plugin.version")) {
            String value = System.getProperty("coldbrew.it." + property);
            assertThat(value).as("system property coldbrew.it." + property).isNotBlank();
            pom = pom.replace("@" + property + "@", value);
        }
        Files.writeString(target.resolve("pom.xml"), pom);
        return target;
    }

    /**
     * This build's artifacts from {@code repo} (the project's local repository, as the invoker's projects use it),
     * third-party artifacts from this build's own local repository, then Maven Central.
     */
    private Path settings(Path repo) throws IOException {
        String buildRepo = System.getProperty("coldbrew.it.buildRepo", "");
        StringBuilder repositories = new StringBuilder();
        StringBuilder pluginRepositories = new StringBuilder();
        repository(repositories, pluginRepositories, "it-repo", repo.toUri().toString(), true);
        if (!buildRepo.isBlank()) {
            repository(
                    repositories,
                    pluginRepositories,
                    "build-repo",
                    Path.of(buildRepo).toUri().toString(),
                    false);
        }
        Path settings = dir.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings><profiles><profile><id>coldbrew-it</id>"
                        + "<activation><activeByDefault>true</activeByDefault></activation>"
                        + "<repositories>" + repositories + "</repositories>"
                        + "<pluginRepositories>" + pluginRepositories + "</pluginRepositories>"
                        + "</profile></profiles></settings>\n");
        return settings;
    }

    private static void repository(
            StringBuilder repositories, StringBuilder pluginRepositories, String id, String url, boolean snapshots) {
        // local repositories hold no checksums
        String body = "<id>" + id + "</id><url>" + url + "</url>"
                + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>" + snapshots + "</enabled><checksumPolicy>ignore</checksumPolicy></snapshots>";
        repositories.append("<repository>").append(body).append("</repository>");
        pluginRepositories.append("<pluginRepository>").append(body).append("</pluginRepository>");
    }

    /** A {@code jdk} toolchain of this test's JDK (25+): the goal finds its packaging JDK there. */
    private Path toolchains(Path jdk25) throws IOException {
        Path file = dir.resolve("toolchains.xml");
        Files.writeString(
                file,
                "<toolchains><toolchain><type>jdk</type><provides><version>"
                        + Runtime.version().feature()
                        + "</version></provides><configuration><jdkHome>" + jdk25
                        + "</jdkHome></configuration></toolchain></toolchains>\n");
        return file;
    }

    /** {@code mvn} on PATH. */
    static Optional<Path> systemMaven() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            Path mvn = Path.of(dir.isEmpty() ? "." : dir, "mvn");
            if (Files.isExecutable(mvn) && !Files.isDirectory(mvn)) {
                found.add(mvn);
            }
        }
        return found.stream().findFirst();
    }
}
