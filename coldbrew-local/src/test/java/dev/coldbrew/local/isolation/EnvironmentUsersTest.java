package dev.coldbrew.local.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentUsersTest {

    @TempDir
    Path dir;

    private Path withMode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    @Test
    void sameUserTurnsThemOff() {
        EnvironmentUsers users = EnvironmentUsers.detect(true, Path.of("/proc/self"), System.getenv("PATH"));

        assertThat(users.available()).isFalse();
        assertThat(users.unavailableReason()).isEqualTo("disabled by configuration");
    }

    @Test
    void aProcessThatIsNotRootRunsEnvironmentsAsItself() throws IOException {
        Path procSelf = Files.createDirectory(dir.resolve("self"));
        assumeThat(isRoot()).as("chown needs root").isTrue();
        Files.setAttribute(procSelf, "unix:uid", 1000);

        EnvironmentUsers users = EnvironmentUsers.detect(false, procSelf, System.getenv("PATH"));

        assertThat(users.available()).isFalse();
        assertThat(users.unavailableReason()).isEqualTo("not running as root (uid 1000)");
    }

    @Test
    void rootWithoutSetprivOnThePathRunsEnvironmentsAsItself() throws IOException {
        Path procSelf = Files.createDirectory(dir.resolve("self"));
        assumeThat(isRoot()).as("the folder is owned by root").isTrue();
        Path empty = Files.createDirectory(dir.resolve("bin"));

        EnvironmentUsers users = EnvironmentUsers.detect(false, procSelf, empty.toString());

        assertThat(users.available()).isFalse();
        assertThat(users.unavailableReason()).isEqualTo("setpriv (util-linux) not found on PATH " + empty);
    }

    @Test
    void codeEveryUserCanReadNeedsNoFallback() throws IOException {
        Path root = withMode(Files.createDirectory(dir.resolve("code")), "rwxr-xr-x");
        withMode(Files.writeString(root.resolve("bootstrap"), "#!/bin/sh\n"), "rwxr-xr-x");
        withMode(dir, "rwxr-xr-x");

        assertThat(EnvironmentUsers.unreadableByOthers(root, List.of())).isEmpty();
    }

    @Test
    void aFolderAboveTheCodeThatOthersCannotEnterIsNamed() throws IOException {
        Path root = withMode(Files.createDirectory(dir.resolve("code")), "rwxr-xr-x");
        withMode(dir, "rwx------");

        assertThat(EnvironmentUsers.unreadableByOthers(root, List.of()))
                .contains(dir + " cannot be entered by other users (rwx------)");
    }

    @Test
    void aFileOthersCannotReadOrRunIsNamed() throws IOException {
        withMode(dir, "rwxr-xr-x");
        Path root = withMode(Files.createDirectory(dir.resolve("code")), "rwxr-xr-x");
        Path secret = withMode(Files.writeString(root.resolve("secret.properties"), "k=v"), "rw-r-----");
        Path bootstrap = withMode(Files.writeString(root.resolve("bootstrap"), "#!/bin/sh\n"), "rwxr--r--");

        assertThat(EnvironmentUsers.unreadableByOthers(root, List.of()))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .isIn(
                                secret + " is not readable by other users (rw-r-----)",
                                bootstrap + " is not readable by other users (rwxr--r--)"));
        Files.delete(secret);
        assertThat(EnvironmentUsers.unreadableByOthers(root, List.of()))
                .contains(bootstrap + " is not readable by other users (rwxr--r--)");
    }

    @Test
    void aRuntimeFileInAPrivateFolderIsNamed() throws IOException {
        withMode(dir, "rwxr-xr-x");
        Path root = withMode(Files.createDirectory(dir.resolve("code")), "rwxr-xr-x");
        Path repository = withMode(Files.createDirectory(dir.resolve("m2")), "rwxr-x---");
        Path jar = Files.writeString(repository.resolve("runtime.jar"), "jar");

        assertThat(EnvironmentUsers.unreadableByOthers(root, List.of(jar)))
                .contains(repository + " cannot be entered by other users (rwxr-x---)");
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
