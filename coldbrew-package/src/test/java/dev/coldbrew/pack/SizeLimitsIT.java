package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages over a size limit are refused with the size and the limit, and no zip is left behind. The kmeans jars
 * (2.3 MB with Apache Commons Math, which deflates little) for java25 exceed 1 MB both ways without a jlink step.
 */
class SizeLimitsIT {
    @TempDir
    Path dir;

    private PackagedFunctions.Outcome packKmeans(String... extra) {
        List<String> args = new ArrayList<>(PackagedFunctions.jarArgs(TestJars.kmeans(dir)));
        args.addAll(List.of(
                "--target",
                "java25",
                "--main-class",
                "dev.coldbrew.examples.kmeans.KmeansFunction",
                "--output",
                dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return PackagedFunctions.pack(args);
    }

    @Test
    void aPackageOverTheUnzippedLimitIsRefused() {
        PackagedFunctions.Outcome outcome = packKmeans("--max-unzipped-mb", "1");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err())
                .containsPattern("package refused: unzipped size [0-9.]+ MB exceeds Lambda's 1.0 MB limit");
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }

    @Test
    void aZipOverTheZippedLimitIsRefused() {
        PackagedFunctions.Outcome outcome = packKmeans("--max-zip-mb", "1");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).containsPattern("package refused: zip size [0-9.]+ MB exceeds Lambda's 1.0 MB limit");
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }

    @Test
    void withinTheLimitsTheZipIsWritten() {
        PackagedFunctions.Outcome outcome = packKmeans("--max-zip-mb", "5", "--max-unzipped-mb", "5");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(dir.resolve("out/function.zip")).isNotEmptyFile();
    }
}
