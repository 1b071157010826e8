package dev.coldbrew.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Jars for the tests: the jar a class was loaded from, and small jars made on the spot. */
public final class TestJars {
    private TestJars() {}

    /**
     * The jar holding {@code type}; when it was loaded from a classes folder (a reactor build before packaging),
     * that folder is jarred into {@code scratch} under the given name.
     */
    public static Path jarOf(Class<?> type, Path scratch, String jarName) {
        try {
            Path source = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                return source;
            }
            Path jar = scratch.resolve(jarName);
            if (!Files.exists(jar)) {
                jarFolder(source, jar, null);
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("code source of " + type + " is not a path", e);
        }
    }

    /** Writes a jar with empty classes of the given names (enough for the packager's class checks). */
    public static Path jarWithClasses(Path jar, String mainClass, String... classNames) {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest(mainClass))) {
            for (String name : classNames) {
                out.putNextEntry(new JarEntry(name.replace('.', '/') + ".class"));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jarFolder(Path folder, Path jar, String mainClass) {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest(mainClass));
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest manifest(String mainClass) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        return manifest;
    }

    /** The jars of the hello example: its own jar, coldbrew's runtime and the Runtime API client. */
    public static List<Path> hello(Path scratch) {
        return List.of(
                jarOf(dev.coldbrew.examples.hello.Hello.class, scratch, "coldbrew-example-hello.jar"),
                jarOf(dev.coldbrew.runtime.LambdaRuntime.class, scratch, "coldbrew-runtime.jar"),
                jarOf(dev.coldbrew.runtime.api.RuntimeApi.class, scratch, "coldbrew-runtime-api.jar"));
    }

    /** The jars of the kmeans example on coldbrew's runtime, with Apache Commons Math and org.json. */
    public static List<Path> kmeans(Path scratch) {
        return List.of(
                jarOf(dev.coldbrew.examples.kmeans.KmeansFunction.class, scratch, "coldbrew-example-kmeans.jar"),
                jarOf(org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer.class, scratch, "cm3.jar"),
                jarOf(org.json.JSONObject.class, scratch, "json.jar"),
                jarOf(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class, scratch, "core.jar"),
                jarOf(dev.coldbrew.runtime.LambdaRuntime.class, scratch, "coldbrew-runtime.jar"),
                jarOf(dev.coldbrew.runtime.api.RuntimeApi.class, scratch, "coldbrew-runtime-api.jar"));
    }
}
