package dev.coldbrew.startup.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars on this JVM's class path (the benchmark runs with {@code target/lib/*}), found by artifact id, so
 * each subject process gets exactly the jars it needs and nothing else.
 */
public final class ClassPathJars {
    private final List<Path> jars;

    private ClassPathJars(List<Path> jars) {
        this.jars = List.copyOf(jars);
    }

    /** The jars of {@code java.class.path}. */
    public static ClassPathJars current() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                jars.add(path.toAbsolutePath());
            }
        }
        return new ClassPathJars(jars);
    }

    /**
     * The jar of {@code artifactId} (file name {@code artifactId-<version>.jar}).
     *
     * @throws IllegalStateException naming the artifact and the class path when it is missing
     */
    public Path jar(String artifactId) {
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (name.startsWith(artifactId + "-")
                    && !name.endsWith("-sources.jar")
                    && Character.isDigit(name.charAt(artifactId.length() + 1))) {
                return jar;
            }
        }
        throw new IllegalStateException("class path lookup of " + artifactId + " failed: no " + artifactId
                + "-<version>.jar among " + jars + " (run with -cp 'coldbrew-startup-bench/target/lib/*:…')");
    }

    /** The jars of several artifacts, in order. */
    public List<Path> jars(String... artifactIds) {
        List<Path> found = new ArrayList<>();
        for (String artifactId : artifactIds) {
            found.add(jar(artifactId));
        }
        return found;
    }
}
