package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages over a size limit are refused with the size and the limit, and no zip is left behind. The kmeans jars
 * (2.3 MB with Apache Commons Math, which deflates little) for java25 exceed 1 MB both ways without a jlink step.
 */
class SizeLimitsIT {
    @TempDir
    Path dir;

    private PackagedFunctions.Outcome packKmeans(int maxZipMb, int maxUnzippedMb) {
        return PackagedFunctions.pack(PackageRequest.builder()
                .jars(TestJars.kmeans(dir))
                .target(Target.JAVA25)
                .mainClass("dev.coldbrew.examples.kmeans.KmeansFunction")
                .outputDir(dir.resolve("out"))
                .limits(new SizeLimits(maxZipMb * SizeLimits.MB, maxUnzippedMb * SizeLimits.MB)));
    }

    private static final int LAMBDA_ZIP_MB = (int) (SizeLimits.LAMBDA_MAX_ZIPPED_BYTES / SizeLimits.MB);
    private static final int LAMBDA_UNZIPPED_MB = (int) (SizeLimits.LAMBDA_MAX_UNZIPPED_BYTES / SizeLimits.MB);

    @Test
    void aPackageOverTheUnzippedLimitIsRefused() {
        PackagedFunctions.Outcome outcome = packKmeans(LAMBDA_ZIP_MB, 1);
        assertThat(outcome.packed()).isFalse();
        assertThat(outcome.log())
                .containsPattern("package refused: unzipped size [0-9.]+ MB exceeds Lambda's 1.0 MB limit");
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }

    @Test
    void aZipOverTheZippedLimitIsRefused() {
        PackagedFunctions.Outcome outcome = packKmeans(1, LAMBDA_UNZIPPED_MB);
        assertThat(outcome.packed()).isFalse();
        assertThat(outcome.log()).containsPattern("package refused: zip size [0-9.]+ MB exceeds Lambda's 1.0 MB limit");
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }

    @Test
    void withinTheLimitsTheZipIsWritten() {
        PackagedFunctions.Outcome outcome = packKmeans(5, 5);
        assertThat(outcome.packed()).as(outcome.log()).isTrue();
        assertThat(dir.resolve("out/function.zip")).isNotEmptyFile();
    }
}
