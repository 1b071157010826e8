package dev.coldbrew.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the {@code native-image} driver does with {@code META-INF/native-image/**} in the class path, for the builder
 * run directly: configuration files ({@code reachability-metadata.json}, {@code reflect-config.json}, …) are
 * copied out of each jar into a folder of their own and passed as {@code -H:ConfigurationFileDirectories}; the
 * {@code Args} of {@code native-image.properties} are translated from driver options to builder options. A driver
 * option this class does not know is an error naming the jar and the option, not silently dropped.
 */
final class ReachabilityMetadata {
    static final String ROOT = "META-INF/native-image/";

    private ReachabilityMetadata() {}

    /** Builder options for the metadata of {@code classPath}; configuration files are extracted under {@code dir}. */
    static List<String> options(List<Path> classPath, Path dir) throws NativeImageException {
        List<String> options = new ArrayList<>();
        int n = 0;
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                options.addAll(fromDirectory(entry));
                continue;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                Set<String> configDirs = new LinkedHashSet<>();
                for (JarEntry e : jar.stream().toList()) {
                    String name = e.getName();
                    if (e.isDirectory() || !name.startsWith(ROOT)) {
                        continue;
                    }
                    String parent = name.substring(0, name.lastIndexOf('/') + 1);
                    if (name.endsWith("/native-image.properties")) {
                        options.addAll(translate(entry, name, read(jar, e)));
                    } else if (name.endsWith(".json")) {
                        configDirs.add(parent);
                        Path target =
                                dir.resolve("metadata-" + n).resolve(parent).resolve(name.substring(parent.length()));
                        Files.createDirectories(target.getParent());
                        try (InputStream in = jar.getInputStream(e)) {
                            Files.copy(in, target);
                        }
                    }
                }
                for (String config : configDirs) {
                    options.add("-H:ConfigurationFileDirectories="
                            + dir.resolve("metadata-" + n).resolve(config));
                }
                n++;
            } catch (IOException e) {
                throw new NativeImageException(
                        "read the native-image metadata of " + entry + " failed: " + e.getMessage(), e);
            }
        }
        return options;
    }

    /** A class directory's metadata: its configuration folders are passed as they are. */
    private static List<String> fromDirectory(Path classes) throws NativeImageException {
        Path root = classes.resolve(ROOT);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        Set<Path> configDirs = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("native-image.properties")) {
                    options.addAll(translate(classes, classes.relativize(file).toString(), Files.readString(file)));
                } else if (name.endsWith(".json")) {
                    configDirs.add(file.getParent());
                }
            }
        } catch (IOException e) {
            throw new NativeImageException(
                    "read the native-image metadata under " + root + " failed: " + e.getMessage(), e);
        }
        configDirs.forEach(d -> options.add("-H:ConfigurationFileDirectories=" + d));
        return options;
    }

    private static String read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The builder options for the {@code Args} of one {@code native-image.properties}. */
    static List<String> translate(Path jar, String file, String properties) throws NativeImageException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(properties));
        } catch (IOException e) {
            throw new NativeImageException("read " + jar + "!/" + file + " failed: " + e.getMessage(), e);
        }
        List<String> options = new ArrayList<>();
        for (String arg : p.getProperty("Args", "").trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                options.addAll(translateArg(jar, file, arg));
            }
        }
        return options;
    }

    private static List<String> translateArg(Path jar, String file, String arg) throws NativeImageException {
        if (arg.startsWith("-H:")) {
            return List.of(arg);
        }
        if (arg.startsWith("--initialize-at-build-time=") || arg.startsWith("--initialize-at-run-time=")) {
            String when = arg.startsWith("--initialize-at-build-time=") ? ":build_time" : ":run_time";
            List<String> options = new ArrayList<>();
            for (String name : arg.substring(arg.indexOf('=') + 1).split(",")) {
                if (!name.isBlank()) {
                    options.add("-H:ClassInitialization=" + name.strip() + when);
                }
            }
            return options;
        }
        if (arg.startsWith("--enable-url-protocols=")) {
            return List.of("-H:EnableURLProtocols=" + arg.substring(arg.indexOf('=') + 1));
        }
        if (arg.startsWith("--features=")) {
            return List.of("-H:Features=" + arg.substring(arg.indexOf('=') + 1));
        }
        if (arg.equals("--no-fallback") || arg.equals("--enable-http") || arg.equals("--enable-https")) {
            return arg.equals("--no-fallback")
                    ? List.of()
                    : List.of("-H:EnableURLProtocols=" + arg.substring("--enable-".length()));
        }
        throw new NativeImageException(jar + "!/" + file + " asks the native-image driver for " + arg
                + ", which coldbrew's builder does not translate; build with a GraalVM native-image (GRAALVM_HOME)");
    }
}
