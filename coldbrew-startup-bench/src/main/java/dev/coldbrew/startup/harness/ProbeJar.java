package dev.coldbrew.startup.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Writes a jar holding only the named classes of this module. Subject processes get such a jar instead of the
 * benchmark's class directory: AOT caches only take classes from jars, and no unrelated class is on the path.
 */
public final class ProbeJar {
    private ProbeJar() {}

    /** Writes {@code jar} with {@code classes} and their nested classes. */
    public static Path write(Path jar, Class<?>... classes) {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                add(out, type);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("writing probe jar " + jar + " failed", e);
        }
    }

    private static void add(JarOutputStream out, Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        out.write(classBytes(type, entry));
        out.closeEntry();
        for (Class<?> nested : type.getDeclaredClasses()) {
            add(out, nested);
        }
    }

    private static byte[] classBytes(Class<?> type, String entry) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("class file " + entry + " not found by " + type.getClassLoader());
            }
            return in.readAllBytes();
        }
    }
}
