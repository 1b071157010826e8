package dev.coldbrew.startup.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the {@code java} of the JDK running the benchmark. */
public final class Java {
    private Java() {}

    /** {@code $JAVA_HOME/bin/java} of this JVM. */
    public static Path executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code java <jvmOptions> -cp <classPath> <mainClass> <args>}. */
    public static List<String> command(
            List<String> jvmOptions, List<Path> classPath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(classPath));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** The {@code -cp} value of {@code jars}. */
    public static String classPath(List<Path> jars) {
        return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    }
}
