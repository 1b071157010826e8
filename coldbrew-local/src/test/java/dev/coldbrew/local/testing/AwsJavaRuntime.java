package dev.coldbrew.local.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The jars of AWS's runtime interface client (and what it needs) on the test classpath. */
public final class AwsJavaRuntime {
    private AwsJavaRuntime() {}

    private static final List<String> ARTIFACTS = List.of(
            "aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-core",
            "aws-lambda-java-serialization",
            "utils-lite");

    public static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> ARTIFACTS.stream()
                        .anyMatch(a -> Path.of(entry).getFileName().toString().startsWith(a + "-")))
                .map(Path::of)
                .toList();
    }

    /** The aws-lambda-java-core jar, to compile handlers against. */
    public static Path coreJar() {
        return classpath().stream()
                .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-core-"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("aws-lambda-java-core is not on the test classpath"));
    }
}
