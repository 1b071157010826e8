package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeImagesTest {
    @TempDir
    Path dir;

    private Path tool(Path bin) throws Exception {
        Path tool = Files.createDirectories(bin).resolve("native-image");
        Files.writeString(tool, "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    @Test
    void anInstalledNativeImageOnThePathIsUsed() throws Exception {
        Path tool = tool(dir.resolve("bin"));
        assertThat(NativeImages.installed(Map.of("PATH", "/nonexistent:" + dir.resolve("bin"))))
                .contains(tool);
        assertThat(NativeImages.locate(Map.of("PATH", dir.resolve("bin").toString()))
                        .describe())
                .isEqualTo("GraalVM native-image at " + tool);
    }

    @Test
    void graalvmHomeComesBeforeThePath() throws Exception {
        tool(dir.resolve("bin"));
        Path home = tool(dir.resolve("graal/bin"));
        assertThat(NativeImages.installed(Map.of(
                        "GRAALVM_HOME",
                        dir.resolve("graal").toString(),
                        "PATH",
                        dir.resolve("bin").toString())))
                .contains(home);
    }

    @Test
    void aGraalvmHomeWithoutNativeImageIsNamed() {
        assertThatThrownBy(() -> NativeImages.locate(Map.of("GRAALVM_HOME", dir.toString())))
                .isInstanceOf(NativeImageException.class)
                .hasMessageStartingWith("GRAALVM_HOME is " + dir + " but " + dir.resolve("bin/native-image"));
    }

    @Test
    void withoutAnInstalledNativeImageTheMavenBuilderIsUsed() throws Exception {
        NativeImageTool tool =
                NativeImages.locate(Map.of("PATH", dir + ":/usr/bin:/bin", "COLDBREW_CACHE", dir.toString()));
        assertThat(tool).isInstanceOf(MavenBuilder.class);
        assertThat(tool.describe()).startsWith("GraalVM builder 25.0.2 from Maven Central on ");
    }

    @Test
    void withNeitherNativeImageNorGccItSaysWhy() {
        assertThatThrownBy(() -> NativeImages.locate(Map.of("PATH", dir.toString())))
                .isInstanceOf(NativeImageException.class)
                .hasMessage("no native-image (GRAALVM_HOME, PATH) and no gcc on PATH for GraalVM's builder from"
                        + " Maven Central");
    }

    @Test
    void theInstalledToolIsAskedForTheRequestedCpuLevelAndOutput() {
        NativeImageRequest request = NativeImageRequest.of(
                        java.util.List.of(Path.of("pom.xml")), "a.Main", Path.of("/out/fn"))
                .withMarch("x86-64-v3");
        assertThat(new InstalledNativeImage(Path.of("/g/native-image")).command(request))
                .containsExactly(
                        "/g/native-image",
                        "--no-fallback",
                        "-march=x86-64-v3",
                        "-cp",
                        Path.of("pom.xml").toAbsolutePath().toString(),
                        "-o",
                        "/out/fn",
                        "a.Main");
    }
}
