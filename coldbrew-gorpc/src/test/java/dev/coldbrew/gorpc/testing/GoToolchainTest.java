package dev.coldbrew.gorpc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the tests look for Go, as the bridge's build.sh does. */
class GoToolchainTest {
    @TempDir
    Path dir;

    @Test
    void withoutGoAnywhereNothingIsFound() {
        assertThat(GoToolchain.find(null, Map.of("PATH", dir.toString()), List.of(dir + "/usr/lib/go-*/bin")))
                .isEmpty();
    }

    @Test
    void pathComesFirstThenTheUsualPlacesNewestVersionFirst() throws IOException {
        Path v9 = go("usr/lib/go-1.9/bin");
        Path v19 = go("usr/lib/go-1.19/bin");
        go("usr/lib/go-1.18/bin");
        List<String> places = List.of(dir + "/usr/local/go/bin", dir + "/usr/lib/go-*/bin");

        assertThat(GoToolchain.find(null, Map.of("PATH", "/nowhere"), places)).contains(v19);
        assertThat(GoToolchain.find(null, Map.of("PATH", v9.getParent().toString()), places))
                .contains(v9);
    }

    @Test
    void theHomeFolderIsExpanded() throws IOException {
        Path sdk = go("home/sdk/go1.22.3/bin");

        assertThat(GoToolchain.find(null, Map.of("HOME", dir.resolve("home").toString()), List.of("~/sdk/go*/bin")))
                .contains(sdk);
    }

    @Test
    void aConfiguredGoWinsAndMustBeAnExecutable() throws IOException {
        Path configured = go("opt/go/bin");
        go("usr/local/go/bin");

        assertThat(GoToolchain.find(configured.toString(), Map.of(), List.of(dir + "/usr/local/go/bin")))
                .contains(configured);
        assertThat(GoToolchain.find(null, Map.of("COLDBREW_GO", configured.toString()), List.of()))
                .contains(configured);
        assertThatThrownBy(() -> GoToolchain.find("/nowhere/go", Map.of(), List.of()))
                .hasMessage("-Dcoldbrew.go is '/nowhere/go', but that is not an executable file (a Go binary)");
        assertThatThrownBy(() -> GoToolchain.find(null, Map.of("COLDBREW_GO", dir.toString()), List.of()))
                .hasMessage("COLDBREW_GO is '" + dir + "', but that is not an executable file (a Go binary)");
    }

    private Path go(String place) throws IOException {
        Path go = Files.createDirectories(dir.resolve(place)).resolve("go");
        Files.writeString(go, "#!/bin/sh\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        return go;
    }
}
