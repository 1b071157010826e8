package dev.coldbrew.pack.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.pack.PackageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeImageBuilderTest {
    @TempDir
    Path dir;

    @Test
    void noGraalvmHomeAndNothingOnPathIsAClearError() {
        assertThatThrownBy(() -> NativeImageBuilder.locate(Map.of("PATH", dir.toString())))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("--native: no native-image found: GRAALVM_HOME is not set and no"
                        + " native-image is on PATH (" + dir + ")");
    }

    @Test
    void aGraalvmHomeWithoutNativeImageIsNamed() {
        assertThatThrownBy(() -> NativeImageBuilder.locate(Map.of("GRAALVM_HOME", dir.toString())))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("GRAALVM_HOME is " + dir + " but " + dir.resolve("bin/native-image"));
    }

    @Test
    void findsNativeImageOnThePath() throws Exception {
        Path tool = dir.resolve("native-image");
        Files.writeString(tool, "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(NativeImageBuilder.locate(Map.of("PATH", "/nonexistent:" + dir)))
                .isEqualTo(tool);
    }
}
