package dev.coldbrew.startup.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.startup.harness.Flags;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON library measurement on one round: every candidate's probe decodes the event, with and without AOT. */
class JsonLibraryBenchIT {
    private static final String CELL = "\\d+(\\.\\d+)? \\[\\d+(\\.\\d+)?–\\d+(\\.\\d+)?\\]";

    @Test
    void everyCandidateDecodesAndLandsInTheTable(@TempDir Path out) throws Exception {
        String table = new JsonLibraryBench(new Flags(1, out, List.of())).run();

        for (JsonLibraryBench.Candidate candidate : JsonLibraryBench.candidates()) {
            assertThat(table)
                    .as(candidate.name())
                    .containsPattern("\\| " + Pattern.quote(candidate.name()) + " \\| \\d+ \\| \\d+ \\| " + CELL
                            + " \\| \\d+\\.\\d\\d× \\| " + CELL + " \\| \\d+\\.\\d\\d× \\|");
        }
    }
}
