package dev.coldbrew.local.environment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JNI library of AWS's runtime interface client for an environment that runs as a user of its own. At every start
 * the client unpacks its library to the fixed path {@value #CLIENT_PATH} and loads it from there, which works on
 * Lambda, where each environment has a {@code /tmp} of its own. Here {@code /tmp} is the machine's, and a user cannot
 * replace the file another user left there (the sticky bit): the client would exit with "Operation not permitted".
 * So the local Lambda unpacks the library into the environment's home and names it with the client's own property,
 * {@value #PROPERTY}, which the client loads instead.
 */
final class AwsJniLibrary {
    private AwsJniLibrary() {}

    /** Where the client unpacks its library when the property is not set. */
    static final String CLIENT_PATH = "/tmp/.libaws-lambda-jni.so";

    /** The client's property naming a library to load instead of unpacking one. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /**
     * The flag that makes the client load its library from a copy in {@code dir}; none when no jar of
     * {@code classpath} holds the library for this machine (the client then unpacks one itself, as before).
     */
    static List<String> flags(List<Path> classpath, Path dir) throws IOException {
        Optional<String> entry = entryName(System.getProperty("os.arch"), Path.of("/lib"));
        if (entry.isEmpty()) {
            return List.of();
        }
        for (Path jar : classpath) {
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry library = zip.getEntry(entry.get());
                if (library != null) {
                    Path copy = dir.resolve(".libaws-lambda-jni.so");
                    try (InputStream in = zip.getInputStream(library)) {
                        Files.copy(in, copy);
                    }
                    return List.of("-D" + PROPERTY + "=" + copy);
                }
            }
        }
        return List.of();
    }

    /**
     * The client's library for {@code arch} ({@code os.arch}), as the client names it: {@code
     * jni/libaws-lambda-jni.linux-x86_64.so}, or {@code linux_musl-…} where {@code lib} holds musl's loader.
     */
    static Optional<String> entryName(String arch, Path lib) {
        String machine = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch_64";
            default -> null;
        };
        if (machine == null) {
            return Optional.empty();
        }
        String loader = "ld-musl-" + (machine.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1";
        String libc = Files.exists(lib.resolve(loader)) ? "linux_musl-" : "linux-";
        return Optional.of("jni/libaws-lambda-jni." + libc + machine + ".so");
    }
}
