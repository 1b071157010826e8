package dev.coldbrew.pack.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.nativeimage.NativeImageResult;
import dev.coldbrew.pack.PackageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeImageBuilderTest {
    @TempDir
    Path dir;

    @Test
    void aGraalvmHomeWithoutNativeImageIsNamed() throws Exception {
        Path jar = Files.writeString(dir.resolve("f.jar"), "");
        assertThatThrownBy(() -> NativeImageBuilder.build(
                        Map.of("GRAALVM_HOME", dir.toString()), List.of(jar), "a.Main", dir.resolve("b"), dir))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("--native: GRAALVM_HOME is " + dir + " but " + dir.resolve("bin/native-image"));
    }

    @Test
    void theSummaryNamesTheExecutableAndTheLibrariesBesideIt() throws Exception {
        Path bootstrap = Files.write(dir.resolve("bootstrap"), new byte[3 * 1024 * 1024]);
        Path lib = Files.createDirectories(dir.resolve("native-lib"));
        Path libjvm = Files.write(lib.resolve("libjvm.so"), new byte[1024 * 1024]);
        Path libjava = Files.write(lib.resolve("libjava.so"), new byte[512 * 1024]);
        NativeImageResult result =
                new NativeImageResult(bootstrap, List.of(libjvm, libjava), "the builder", Duration.ofSeconds(90));
        assertThat(NativeImageBuilder.summary(result))
                .isEqualTo("bootstrap 3.0 MB + native-lib/ 1.5 MB (libjvm.so, libjava.so); built by the builder");
    }
}
