package dev.coldbrew.bench.strategy;

import dev.coldbrew.pack.FunctionJars;
import dev.coldbrew.pack.PackageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A strategy's own copy of a workload's code directory ({@code lib/*.jar}), so strategies never share files. The
 * jars are the function's as coldbrew-package reads a code directory ({@link FunctionJars#inCodeDirectory}).
 */
final class CodeDirectory {
    private CodeDirectory() {}

    /** Replaces {@code target} with a fresh copy of {@code source}'s {@code lib/} and returns the jar names, sorted. */
    static List<String> copyLib(Path source, Path target) throws IOException {
        deleteRecursively(target);
        Path lib = Files.createDirectories(target.resolve("lib"));
        for (Path jar : functionJars(source)) {
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return jarNames(target);
    }

    /** The jars in {@code <dir>/lib}, sorted by name, so a classpath built from them is the same every time. */
    static List<String> jarNames(Path dir) throws IOException {
        try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
            return jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> functionJars(Path codeDirectory) throws IOException {
        try {
            return FunctionJars.inCodeDirectory(codeDirectory);
        } catch (PackageException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
