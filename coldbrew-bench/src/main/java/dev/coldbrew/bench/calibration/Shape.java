package dev.coldbrew.bench.calibration;

import java.util.List;

/**
 * The hello-world shapes the calibration runs, each matched to the public Lambda rows it is compared with.
 *
 * @see Published
 */
public enum Shape {
    JAVA25(
            "java25",
            "AWS's Java runtime client with the managed java25 runtime's flags, a handler returning its input",
            List.of("java25")),
    NATIVE(
            "native",
            "coldbrew's runtime as a native executable (coldbrew-native), a handler returning its input",
            List.of("graalvm java23 native", "graalvm java21 native")),
    GO("go", "a Go provided.al2023 bootstrap on the Runtime API (standard library only)", List.of("go")),
    C(
            "c",
            "a C provided.al2023 bootstrap on the Runtime API over plain sockets; compared with Lambda's C++ and"
                    + " Rust rows (processes of a few MB)",
            List.of("c++", "rust")),
    SHELL("shell", "a bash bootstrap calling curl, as in Lambda's custom-runtime tutorial", List.of("shell"));

    private final String id;
    private final String description;
    private final List<String> published;

    Shape(String id, String description, List<String> published) {
        this.id = id;
        this.description = description;
        this.published = published;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Prefixes of the {@link Published} configurations this shape is compared with, best match first. */
    List<String> published() {
        return published;
    }
}
