package dev.coldbrew.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The benchmarks leave no {@code coldbrew-bench-…} folder in the temporary folder, whether they end or fail. */
class WarmInvokeBenchmarkIT {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void aRunRemovesItsFunctionFolder() throws Exception {
        Set<Path> before = benchFolders();

        WarmInvokeBenchmark.main(new String[] {"http", "20"});

        Set<Path> left = benchFolders();
        left.removeAll(before);
        assertThat(left).as("folders the run left in " + TMP).isEmpty();
    }

    @Test
    void aFolderIsRemovedWhenTheBenchmarkFails() throws IOException {
        Path[] seen = new Path[1];

        assertThatThrownBy(() -> {
                    try (BenchFolder dir = BenchFolder.create()) {
                        seen[0] = dir.path();
                        Files.writeString(
                                Files.createDirectories(dir.resolve("echo")).resolve("bootstrap"), "x");
                        throw new IllegalStateException("benchmark failed");
                    }
                })
                .hasMessage("benchmark failed");

        assertThat(seen[0]).doesNotExist();
    }

    private static Set<Path> benchFolders() throws IOException {
        try (Stream<Path> entries = Files.list(TMP)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("coldbrew-bench-"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
