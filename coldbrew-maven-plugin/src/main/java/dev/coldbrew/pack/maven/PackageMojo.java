package dev.coldbrew.pack.maven;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.PackageRequest;
import dev.coldbrew.pack.PackageSummary;
import dev.coldbrew.pack.Packager;
import dev.coldbrew.pack.SizeLimits;
import dev.coldbrew.pack.Target;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code coldbrew:package}: packages the project's jar and its runtime dependencies as a Lambda zip and SAM
 * template, with the same implementation as {@code coldbrew package}. Bound to the {@code package} phase.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractMojo {

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
    @Parameter(property = "coldbrew.native", defaultValue = "false")
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

    @Parameter(property = "coldbrew.name", defaultValue = "${project.artifactId}")
    String functionName;

    @Parameter(property = "coldbrew.memory", defaultValue = "512")
    int memoryMb;

    @Parameter(property = "coldbrew.timeout", defaultValue = "30")
    int timeoutSeconds;

    @Parameter
    Map<String, String> environment;

    @Parameter(property = "coldbrew.output", defaultValue = "${project.build.directory}/coldbrew")
    File outputDirectory;

    @Parameter(property = "coldbrew.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("coldbrew:package skipped (coldbrew.skip)");
            return;
        }
        PackageRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("coldbrew:package: " + e.getMessage(), e);
        }
        try {
            PackageSummary summary = new Packager(request, getLog()::info, System.getenv()).pack();
            summary.render().lines().forEach(getLog()::info);
        } catch (PackageException e) {
            throw new MojoFailureException("coldbrew:package: " + e.getMessage(), e);
        }
    }

    PackageRequest request() {
        return PackageRequest.builder()
                .jars(jars())
                .handler(handler)
                .mainClass(mainClass)
                .target(Target.parse(target))
                .nativeImage(nativeImage)
                .eventsDir(events == null ? null : events.toPath())
                .trainingRounds(trainingRounds)
                .prime(prime)
                .primingEventsDir(primingEvents == null ? null : primingEvents.toPath())
                .aotCache(aot)
                .verify(verify)
                .modules(modules == null ? List.of() : modules)
                .addModules(addModules == null ? List.of() : addModules)
                .reachableModules(reachableModules)
                .jvmFlags(jvmFlags == null || jvmFlags.isEmpty() ? null : jvmFlags)
                .functionName(functionName)
                .memoryMb(memoryMb)
                .timeoutSeconds(timeoutSeconds)
                .environment(environment == null ? Map.of() : environment)
                .outputDir(outputDirectory.toPath())
                .limits(SizeLimits.lambda())
                .build();
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
}
