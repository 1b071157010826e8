package dev.coldbrew.nativeimage;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * GraalVM's image builder as Maven resolved it when this module was built: its version (pinned in the parent pom)
 * and its jars ({@code builder.classpath}, written by the dependency plugin). The compiler jar goes on
 * {@code --upgrade-module-path}, replacing the JDK's empty {@code jdk.graal.compiler}; the rest on the module path.
 *
 * @param version the builder's version, e.g. {@code 25.0.2}
 * @param compiler the {@code jdk.graal.compiler} jar
 * @param modulePath every other builder jar
 */
record BuilderJars(String version, Path compiler, List<Path> modulePath) {
    static final String CLASSPATH_RESOURCE = "builder.classpath";
    static final String VERSION_RESOURCE = "builder.properties";
    static final String COMPILER_JAR_PREFIX = "compiler-";

    BuilderJars {
        modulePath = List.copyOf(modulePath);
    }

    /** The jars this module was built with; each must still exist (the local Maven repository holds them). */
    static BuilderJars load() throws NativeImageException {
        String version = pinnedVersion();
        List<Path> jars = new ArrayList<>();
        for (String entry : read(CLASSPATH_RESOURCE).strip().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!Files.isRegularFile(jar)) {
                throw new NativeImageException("GraalVM builder " + version + ": " + jar + " is missing; run ./mvnw"
                        + " -pl coldbrew-native -am install to resolve the builder jars again");
            }
            jars.add(jar);
        }
        return of(version, jars);
    }

    static BuilderJars of(String version, List<Path> jars) throws NativeImageException {
        List<Path> compiler = jars.stream()
                .filter(j -> j.getFileName().toString().startsWith(COMPILER_JAR_PREFIX + version))
                .toList();
        if (compiler.size() != 1) {
            throw new NativeImageException("GraalVM builder " + version + ": expected one " + COMPILER_JAR_PREFIX
                    + version + ".jar among the builder jars, found " + compiler + " in " + jars);
        }
        List<Path> rest =
                jars.stream().filter(j -> !j.equals(compiler.getFirst())).toList();
        return new BuilderJars(version, compiler.getFirst(), rest);
    }

    /** Every jar, compiler first. */
    List<Path> all() {
        List<Path> all = new ArrayList<>(List.of(compiler));
        all.addAll(modulePath);
        return all;
    }

    private static String pinnedVersion() throws NativeImageException {
        Properties properties = new Properties();
        try (InputStream in =
                new java.io.ByteArrayInputStream(read(VERSION_RESOURCE).getBytes(StandardCharsets.ISO_8859_1))) {
            properties.load(in);
        } catch (IOException e) {
            throw new NativeImageException("read " + VERSION_RESOURCE + " failed: " + e.getMessage(), e);
        }
        String version = properties.getProperty("version", "");
        if (!version.matches("\\d+(\\.\\d+)+")) {
            throw new NativeImageException(VERSION_RESOURCE + " names no builder version: '" + version + "'");
        }
        return version;
    }

    static String read(String resource) throws NativeImageException {
        try (InputStream in = BuilderJars.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NativeImageException(resource + " is not in coldbrew-native's jar; build the module with"
                        + " ./mvnw -pl coldbrew-native -am install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NativeImageException("read " + resource + " failed: " + e.getMessage(), e);
        }
    }

    /** The {@code --add-exports} lines of {@code add-exports.args}, comments dropped. */
    static List<String> addExports() throws NativeImageException {
        return Arrays.stream(read("add-exports.args").split("\n"))
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
