package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the library is looked for, and errors that name every place tried. */
class BridgeLibraryTest {
    @Test
    void aConfiguredPathThatIsNoFileIsAnErrorNamingTheVariableAndThePath() {
        assertThatThrownBy(() -> BridgeLibrary.load(Map.of(BridgeLibrary.ENV, "/nowhere/lib.so"), null))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessage("load the go1.x bridge library failed: COLDBREW_JNI_GO_LIBRARY is '/nowhere/lib.so', but"
                        + " /nowhere/lib.so is not a file");
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        assertThatThrownBy(() -> BridgeLibrary.load(Map.of(BridgeLibrary.ENV, "/env/lib.so"), "/property/lib.so"))
                .hasMessageContaining("-Dcoldbrew.jnigo.library is '/property/lib.so'");
    }

    @Test
    void withoutConfigurationTheErrorNamesTheLibraryPathAndTheJarsDirectory() {
        assertThatThrownBy(() -> BridgeLibrary.load(Map.of(), null))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("load the go1.x bridge library libcoldbrew-jni-go.so failed; tried"
                        + " System.loadLibrary(\"coldbrew-jni-go\") with java.library.path=")
                .hasMessageContaining(BridgeLibrary.besideJar() + ": no such file")
                .hasMessageEndingWith("Set COLDBREW_JNI_GO_LIBRARY to its path, or ship it next to the jars");
    }

    /** In a native image the place is {@code /proc/self/exe}'s directory: the file it links to, not the link. */
    @Test
    void besideTheExecutableIsTheDirectoryOfTheFileTheLinkNames(@TempDir Path dir) throws Exception {
        Path executable =
                Files.createFile(Files.createDirectories(dir.resolve("code")).resolve("bootstrap"));
        Path link = Files.createSymbolicLink(dir.resolve("exe"), executable);

        assertThat(BridgeLibrary.besideExecutable(link))
                .isEqualTo(executable.toRealPath().resolveSibling("libcoldbrew-jni-go.so"));
        assertThat(BridgeLibrary.besideExecutable(dir.resolve("missing"))).isNull();
    }
}
