package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.testing.AwsJavaRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsJniLibraryTest {
    @TempDir
    Path dir;

    @Test
    void namesTheLibraryTheClientLoadsOnThisArchitectureAndLibc() throws IOException {
        Path glibc = Files.createDirectories(dir.resolve("glibc"));
        Path musl = Files.createDirectories(dir.resolve("musl"));
        Files.writeString(musl.resolve("ld-musl-aarch64.so.1"), "");

        assertThat(AwsJniLibrary.entryName("amd64", glibc)).contains("jni/libaws-lambda-jni.linux-x86_64.so");
        assertThat(AwsJniLibrary.entryName("aarch64", glibc)).contains("jni/libaws-lambda-jni.linux-aarch_64.so");
        assertThat(AwsJniLibrary.entryName("aarch64", musl)).contains("jni/libaws-lambda-jni.linux_musl-aarch_64.so");
        assertThat(AwsJniLibrary.entryName("riscv64", glibc)).isEmpty();
    }

    @Test
    void unpacksTheLibraryIntoTheGivenFolderAndNamesItWithTheClientsProperty() throws IOException {
        List<String> flags = AwsJniLibrary.flags(AwsJavaRuntime.classpath(), dir);

        Path copy = dir.resolve(".libaws-lambda-jni.so");
        assertThat(flags).containsExactly("-D" + AwsJniLibrary.PROPERTY + "=" + copy);
        assertThat(Files.size(copy)).isPositive();
        assertThat(AwsJniLibrary.flags(List.of(dir.resolve("missing.jar")), dir.resolve("none")))
                .isEmpty();
    }
}
