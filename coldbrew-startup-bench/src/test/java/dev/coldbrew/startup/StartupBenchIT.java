package dev.coldbrew.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.startup.harness.Flags;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's pipeline on one round: every subject starts, answers its invoke and lands in the table. */
class StartupBenchIT {
    private static final String NUMBER_CELL = "\\d+(\\.\\d+)? \\[\\d+(\\.\\d+)?–\\d+(\\.\\d+)?\\]";

    @Test
    void oneRoundMeasuresEverySubjectAndWritesTheTable(@TempDir Path out) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        String report =
                StartupBench.run(new Flags(1, out, List.of()), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(Files.readString(out.resolve("startup.md"))).isEqualTo(report);
        assertThat(report).containsPattern("\\| java -version \\(default CDS; spawn → exit\\) \\| " + NUMBER_CELL);
        for (String subject : new String[] {
            Subjects.RIC_NAME,
            Subjects.RIC_AOT,
            Subjects.COLDBREW,
            Subjects.COLDBREW_AOT,
            Subjects.RIC_POJO,
            Subjects.COLDBREW_POJO,
            Subjects.COLDBREW_POJO_AOT,
            Subjects.SOCKET_LOOP,
            Subjects.URL_CONNECTION_LOOP
        }) {
            assertThat(report)
                    .as(subject)
                    .containsPattern("\\| " + java.util.regex.Pattern.quote(subject) + " \\| " + NUMBER_CELL
                            + " \\| \\d+\\.\\d\\d× \\| \\d+\\.\\d\\d× \\| " + NUMBER_CELL + " \\| " + NUMBER_CELL
                            + " \\|");
        }
        assertThat(report).contains("Targets for " + Subjects.COLDBREW_AOT);
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("training " + Subjects.COLDBREW_AOT, "training " + Subjects.SOCKET_LOOP);
    }
}
