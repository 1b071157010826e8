package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionJarsTest {
    @TempDir
    Path tmp;

    @Test
    void copiesTheJarMavenPutIntoTheFolderUnderItsOwnName() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("home").resolve(FunctionJars.FOLDER));
        Files.writeString(folder.resolve(FunctionJars.GORPC), "gorpc");

        Path copy = FunctionJars.copy("gorpc", tmp.resolve("home"), FunctionJars.GORPC, tmp.resolve("code/lib"));

        assertThat(copy).isEqualTo(tmp.resolve("code/lib/coldbrew-gorpc.jar")).hasContent("gorpc");
    }

    @Test
    void aMissingJarIsAnErrorNamingItAndTheCommandThatBuildsIt() {
        assertThatThrownBy(() -> FunctionJars.copy(
                        "seed-bridge-jvm", tmp.resolve("home"), FunctionJars.BRIDGE, tmp.resolve("code/lib")))
                .isInstanceOf(PreparationException.class)
                .hasMessage("seed-bridge-jvm: "
                        + tmp.resolve("home/coldbrew-bench/target/function-jars")
                                .resolve("coldbrew-bridge-jni-go.jar")
                        + " is missing: Maven puts coldbrew-bridge-jni-go.jar"
                        + " there when it packages coldbrew-bench; build it with"
                        + " ./mvnw install -DskipTests -pl coldbrew-bench -am (./coldbrew builds it when the folder"
                        + " is missing)");
        assertThat(tmp.resolve("code")).doesNotExist();
    }
}
