package dev.coldbrew.pack.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * {@code coldbrew:package}: packages the project's jar and its runtime dependencies as a Lambda zip and SAM
 * template, with the same implementation as {@code coldbrew package}. Bound to the {@code package} phase.
 *
 * <p>This class is compiled for Java 17 so that it loads on the Maven users run; the packaging (JDK 25 code) runs in
 * a process of a JDK 25 that {@link JdkFinder} finds, with this plugin's own dependencies as its class path.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractMojo {
    /** The packaging's entry point in coldbrew-package (a process of its own: it needs JDK 25). */
    static final String PACKAGE_MAIN = "dev.coldbrew.pack.PackageMain";

    /** The function's own jar, made by the jar plugin earlier in the package phase. */
    @Parameter(property = "coldbrew.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    /** The runtime class path; the project's classes folder in it is replaced by {@link #jar}. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    /** {@code package.Class[::method]}, run by coldbrew's generic main. */
    @Parameter(property = "coldbrew.handler")
    String handler;

    /** The function's own main (it calls {@code LambdaRuntime.run}). */
    @Parameter(property = "coldbrew.mainClass")
    String mainClass;

    /** {@code provided.al2023}, {@code java25} or {@code java21}. */
    @Parameter(property = "coldbrew.target", defaultValue = "provided.al2023")
    String target;

    /** A GraalVM native executable as bootstrap. */
    @Parameter(property = "coldbrew.nativeImage", defaultValue = "false")
    boolean nativeImage;

    /** Training events: one JSON event per {@code *.json} file. */
    @Parameter(property = "coldbrew.events")
    File events;

    /**
     * Package sample events and have the launcher set {@code COLDBREW_PRIMING}: coldbrew's runtime runs the handler
     * on them during Init.
     */
    @Parameter(property = "coldbrew.prime", defaultValue = "false")
    boolean prime;

    /** The priming events, one JSON event per {@code *.json} file; default: {@code events}. */
    @Parameter(property = "coldbrew.primingEvents")
    File primingEvents;

    @Parameter(property = "coldbrew.trainingRounds", defaultValue = "3")
    int trainingRounds;

    /** Make an AOT cache in a training run. */
    @Parameter(property = "coldbrew.aot", defaultValue = "true")
    boolean aot;

    /** Run the finished zip in the local Lambda. */
    @Parameter(property = "coldbrew.verify", defaultValue = "true")
    boolean verify;

    /** The runtime's JDK modules; empty to compute them with jdeps. */
    @Parameter
    List<String> modules;

    @Parameter
    List<String> addModules;

    /** Modules of the classes reachable from the entry points instead of whole jars (smaller; opt-in). */
    @Parameter(property = "coldbrew.reachableModules", defaultValue = "false")
    boolean reachableModules;

    /** The launcher's JVM flags, replacing coldbrew's defaults. */
    @Parameter
    List<String> jvmFlags;

    @Parameter(property = "coldbrew.functionName", defaultValue = "${project.artifactId}")
    String functionName;

    @Parameter(property = "coldbrew.memoryMb", defaultValue = "512")
    int memoryMb;

    @Parameter(property = "coldbrew.timeoutSeconds", defaultValue = "30")
    int timeoutSeconds;

    @Parameter
    Map<String, String> environment;

    @Parameter(property = "coldbrew.outputDirectory", defaultValue = "${project.build.directory}/coldbrew")
    File outputDirectory;

    /** The JDK 25+ that runs the packaging; default: found by {@link JdkFinder}. */
    @Parameter(property = "coldbrew.jdk")
    File jdk;

    @Parameter(property = "coldbrew.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Maven's toolchains; null in tests that make the mojo themselves. */
    final ToolchainManager toolchainManager;

    @Inject
    public PackageMojo(ToolchainManager toolchainManager) {
        this.toolchainManager = toolchainManager;
    }

    /** A mojo without toolchains, as tests make it. */
    PackageMojo() {
        this(null);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        execute(pluginArtifacts.stream()
                .map(Artifact::getFile)
                .filter(f -> f != null && f.getName().endsWith(".jar"))
                .map(File::toPath)
                .collect(Collectors.toList()));
    }

    /** The goal with {@code classPath} (coldbrew-package and its dependencies) for the packaging process. */
    void execute(List<Path> classPath) throws MojoExecutionException, MojoFailureException {
        checkConfiguration();
        if (skip) {
            getLog().info("coldbrew:package skipped (coldbrew.skip)");
            return;
        }
        checkEntryPoint();
        JdkFinder.Found found;
        try {
            found = JdkFinder.find(jdk == null ? null : jdk.toPath(), jdkCandidates());
        } catch (IllegalStateException e) {
            throw new MojoExecutionException("coldbrew:package: " + e.getMessage(), e);
        }
        pack(found, classPath);
    }

    /**
     * Runs the packaging in a process of {@code jdk} with {@code classPath} (coldbrew-package and its dependencies).
     *
     * @throws MojoExecutionException for a bad request (the packaging's exit status 2) or when the process cannot run
     * @throws MojoFailureException when the packaging fails, with its message
     */
    void pack(JdkFinder.Found jdk, List<Path> classPath) throws MojoExecutionException, MojoFailureException {
        getLog().info("coldbrew:package: packaging with the JDK " + jdk.version() + " at " + jdk.home() + " (from "
                + jdk.source() + ")");
        Path work;
        try {
            work = Files.createTempDirectory("coldbrew-maven-");
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "coldbrew:package: create a temporary folder failed: " + e.getMessage(), e);
        }
        try {
            Path request = work.resolve("request.properties");
            Path error = work.resolve("error.txt");
            try (Writer out = Files.newBufferedWriter(request, StandardCharsets.UTF_8)) {
                requestProperties().store(out, "coldbrew:package request for " + PACKAGE_MAIN);
            }
            List<String> command = List.of(
                    jdk.java().toString(),
                    "-cp",
                    classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    PACKAGE_MAIN,
                    request.toString(),
                    error.toString());
            int status = run(command);
            if (status == 0) {
                return;
            }
            String message = Files.isRegularFile(error)
                    ? Files.readString(error, StandardCharsets.UTF_8)
                    : "the packaging process (" + jdk.java() + ") exited with status " + status
                            + " without a message; its output is above";
            if (status == 2) {
                throw new MojoExecutionException("coldbrew:package: " + message);
            }
            throw new MojoFailureException("coldbrew:package: " + message);
        } catch (IOException e) {
            throw new MojoExecutionException("coldbrew:package: running the packaging failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /** Runs {@code command}, logging each line of its output; returns its exit status. */
    private int run(List<String> command) throws IOException, MojoExecutionException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                getLog().info(line);
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("coldbrew:package: interrupted while packaging", e);
        }
    }

    /** The request as {@code dev.coldbrew.pack.PackageMain} reads it. */
    Properties requestProperties() {
        Properties p = new Properties();
        p.setProperty("jars", lines(jars().stream().map(Path::toString).collect(Collectors.toList())));
        setIfPresent(p, "handler", handler);
        setIfPresent(p, "mainClass", mainClass);
        setIfPresent(p, "target", target);
        p.setProperty("native", Boolean.toString(nativeImage));
        setIfPresent(p, "events", events == null ? null : events.getAbsolutePath());
        p.setProperty("trainingRounds", Integer.toString(trainingRounds));
        p.setProperty("prime", Boolean.toString(prime));
        setIfPresent(p, "primingEvents", primingEvents == null ? null : primingEvents.getAbsolutePath());
        p.setProperty("aot", Boolean.toString(aot));
        p.setProperty("verify", Boolean.toString(verify));
        p.setProperty("modules", lines(modules));
        p.setProperty("addModules", lines(addModules));
        p.setProperty("reachableModules", Boolean.toString(reachableModules));
        if (jvmFlags != null && !jvmFlags.isEmpty()) {
            p.setProperty("jvmFlags", lines(jvmFlags));
        }
        setIfPresent(p, "functionName", functionName);
        p.setProperty("memoryMb", Integer.toString(memoryMb));
        p.setProperty("timeoutSeconds", Integer.toString(timeoutSeconds));
        if (environment != null) {
            environment.forEach((k, v) -> p.setProperty("env." + k, v == null ? "" : v));
        }
        p.setProperty("output", outputDirectory.getAbsolutePath());
        return p;
    }

    /** The project's jar first, then every runtime dependency jar in class path order. */
    List<Path> jars() {
        List<Path> jars = new ArrayList<>();
        jars.add(jar.toPath());
        Path classes = classesDirectory.toPath().toAbsolutePath().normalize();
        for (String element : classpathElements) {
            Path path = Path.of(element).toAbsolutePath().normalize();
            if (!path.equals(classes) && element.endsWith(".jar")) {
                jars.add(path);
            }
        }
        return jars;
    }

    /**
     * Fails on configuration no parameter reads (Maven ignores it silently): elements under the plugin's and this
     * execution's {@code <configuration>} in the POM (the execution's merged configuration Maven hands the mojo
     * has already dropped them), and {@code -Dcoldbrew.*} user properties.
     */
    void checkConfiguration() throws MojoExecutionException {
        if (mojoExecution == null || project == null) {
            return;
        }
        MojoDescriptor descriptor = mojoExecution.getMojoDescriptor();
        Set<String> known = new HashSet<>();
        Set<String> shown = new HashSet<>();
        Set<String> properties = new HashSet<>();
        for (org.apache.maven.plugin.descriptor.Parameter parameter : descriptor.getParameters()) {
            known.add(parameter.getName());
            if (parameter.getAlias() != null) {
                known.add(parameter.getAlias());
            }
            if (parameter.isEditable()) {
                shown.add(parameter.getName());
            }
            String expression = parameter.getExpression();
            if (expression != null && expression.startsWith("${coldbrew.") && expression.endsWith("}")) {
                properties.add(expression.substring(2, expression.length() - 1));
            }
        }
        String elements = ConfigurationCheck.unknownElements(configuredElements(), known, shown);
        if (elements != null) {
            throw new MojoExecutionException("coldbrew:package: " + elements);
        }
        if (session != null) {
            String unknown = ConfigurationCheck.unknownProperties(
                    session.getUserProperties().stringPropertyNames(), properties);
            if (unknown != null) {
                throw new MojoExecutionException("coldbrew:package: " + unknown);
            }
        }
    }

    /** The element names of this plugin's {@code <configuration>} and this execution's, as written in the POM. */
    private List<String> configuredElements() {
        List<String> names = new ArrayList<>();
        String key = mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId();
        Plugin plugin = project.getBuild() == null
                ? null
                : project.getBuild().getPluginsAsMap().get(key);
        if (plugin == null) {
            return names;
        }
        addChildren(names, plugin.getConfiguration());
        PluginExecution execution = plugin.getExecutionsAsMap().get(mojoExecution.getExecutionId());
        if (execution != null) {
            addChildren(names, execution.getConfiguration());
        }
        return names;
    }

    private static void addChildren(List<String> names, Object configuration) {
        if (configuration instanceof Xpp3Dom) {
            for (Xpp3Dom child : ((Xpp3Dom) configuration).getChildren()) {
                names.add(child.getName());
            }
        }
    }

    /** Fails before any packaging when the project jar is missing or nothing names the function's entry point. */
    void checkEntryPoint() throws MojoExecutionException {
        if (!jar.isFile()) {
            throw new MojoExecutionException("coldbrew:package: the project's jar " + jar + " does not exist: run the "
                    + "goal in the package phase (after jar:jar), e.g. mvn package, or set <jar>");
        }
        if (blank(handler) && blank(mainClass) && manifestMainClass(jar) == null) {
            throw new MojoExecutionException("coldbrew:package: no <handler> and no <mainClass> configured, and "
                    + jar.getName() + " has no Main-Class in its manifest: add <handler>com.example.MyHandler</handler>"
                    + " (a RequestHandler, or Class::method, run by coldbrew's runtime) or <mainClass> (your main,"
                    + " calling LambdaRuntime.run) to the plugin's <configuration>");
        }
    }

    private static String manifestMainClass(File jar) throws MojoExecutionException {
        try (JarFile file = new JarFile(jar)) {
            return file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new MojoExecutionException("coldbrew:package: read " + jar + " failed: " + e.getMessage(), e);
        }
    }

    /** Toolchains, then JAVA_HOME, Maven's JDK and the usual install places ({@link JdkFinder}'s order). */
    private List<JdkFinder.Candidate> jdkCandidates() {
        List<JdkFinder.Candidate> candidates = new ArrayList<>();
        if (toolchainManager != null && session != null) {
            Toolchain selected = toolchainManager.getToolchainFromBuildContext("jdk", session);
            if (selected != null) {
                candidates.add(
                        new JdkFinder.Candidate("the build's jdk toolchain (" + selected + ")", homeOf(selected)));
            }
            List<Toolchain> all =
                    toolchainManager.getToolchains(session, "jdk", Map.of("version", "[" + JdkFinder.REQUIRED + ",)"));
            if (all.isEmpty()) {
                candidates.add(new JdkFinder.Candidate(
                        "jdk toolchains of version [" + JdkFinder.REQUIRED + ",) in toolchains.xml (none)", null));
            }
            for (Toolchain toolchain : all) {
                candidates.add(new JdkFinder.Candidate("jdk toolchain " + toolchain, homeOf(toolchain)));
            }
        }
        candidates.addAll(JdkFinder.usualCandidates(
                System.getenv("JAVA_HOME"),
                Path.of(System.getProperty("java.home")),
                Path.of(System.getProperty("user.home"))));
        return candidates;
    }

    /** The JDK home of a toolchain: its {@code java} is {@code HOME/bin/java}. */
    private static Path homeOf(Toolchain toolchain) {
        String java = toolchain.findTool("java");
        if (java == null) {
            return null;
        }
        Path bin = Path.of(java).toAbsolutePath().getParent();
        return bin == null ? null : bin.getParent();
    }

    private static String lines(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    private static void setIfPresent(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.setProperty(key, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
