package dev.coldbrew.pack.jdk;

import dev.coldbrew.pack.PackageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The JDK that builds a package: its {@code jdeps} and {@code jlink} make the bundled runtime, so the package's
 * Java version is this JDK's. JDK 25 or newer is required (the AOT cache workflow of JEP 483/514).
 *
 * @param home the JDK's root folder
 * @param featureVersion e.g. 25
 */
public record Jdk(Path home, int featureVersion) {
    /** The oldest JDK whose runtime can create and use an AOT cache with {@code -XX:AOTMode=record/create}. */
    public static final int MIN_FEATURE_VERSION = 25;

    /** The JDK running this code. */
    public static Jdk current() throws PackageException {
        return at(Path.of(System.getProperty("java.home")));
    }

    /**
     * Opens the JDK at {@code home}.
     *
     * @throws PackageException when it is not a JDK 25+ with {@code jlink} and {@code jdeps}
     */
    public static Jdk at(Path home) throws PackageException {
        Path release = home.resolve("release");
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            props.load(in);
        } catch (IOException e) {
            throw new PackageException("JDK " + home + " has no readable release file: " + e.getMessage(), e);
        }
        String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
        int feature = parseFeature(version);
        if (feature < MIN_FEATURE_VERSION) {
            throw new PackageException("JDK " + home + " is version '" + version + "'; coldbrew package needs JDK "
                    + MIN_FEATURE_VERSION + " or newer (jlink, and the AOT cache of JEP 483)");
        }
        Jdk jdk = new Jdk(home, feature);
        jdk.tool("jlink");
        jdk.tool("jdeps");
        return jdk;
    }

    /** The path of {@code bin/<name>}. */
    public Path tool(String name) throws PackageException {
        Path tool = home.resolve("bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new PackageException(
                    "JDK " + home + " has no " + name + " (" + tool + " is missing): use a full" + " JDK, not a JRE");
        }
        return tool;
    }

    private static int parseFeature(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }
}
