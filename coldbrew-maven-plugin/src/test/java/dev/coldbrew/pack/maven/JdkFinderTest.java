package dev.coldbrew.pack.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which the goal looks for the JDK 25 that runs the packaging, on fake JDK folders. */
class JdkFinderTest {
    @TempDir
    Path dir;

    @Test
    void theJdkParameterComesFirstAndMustBe25OrNewer() throws IOException {
        Path jdk26 = fakeJdk("jdk-26", 26);
        Path jdk25 = fakeJdk("jdk-25", 25);
        JdkFinder.Found found = JdkFinder.find(jdk26, List.of(new JdkFinder.Candidate("JAVA_HOME", jdk25)));
        assertThat(found.home()).isEqualTo(jdk26);
        assertThat(found.source()).startsWith("<jdk>");

        Path jdk21 = fakeJdk("jdk-21", 21);
        assertThatThrownBy(() -> JdkFinder.find(jdk21, List.of(new JdkFinder.Candidate("JAVA_HOME", jdk25))))
                .hasMessage("<jdk> (coldbrew.jdk) is " + jdk21
                        + ", which is JDK 21: the packaging needs a JDK 25 or newer");
    }

    @Test
    void candidatesAreTriedInOrderSkippingOlderJdksAndNonJdks() throws IOException {
        Path toolchain = fakeJdk("toolchain-25", 25);
        Path javaHome = fakeJdk("java-home-25", 25);
        Path old = fakeJdk("java-17", 17);
        Path notAJdk = Files.createDirectories(dir.resolve("empty"));
        JdkFinder.Found found = JdkFinder.find(
                null,
                List.of(
                        new JdkFinder.Candidate("toolchains.xml (none)", null),
                        new JdkFinder.Candidate("old toolchain", old),
                        new JdkFinder.Candidate("broken toolchain", notAJdk),
                        new JdkFinder.Candidate("jdk toolchain 25", toolchain),
                        new JdkFinder.Candidate("JAVA_HOME", javaHome)));
        assertThat(found.home()).isEqualTo(toolchain);
        assertThat(found.version()).isEqualTo(25);
        assertThat(found.source()).isEqualTo("jdk toolchain 25");
    }

    @Test
    void javaHomeThenMavensJdkThenTheInstallPlaces() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path sdkman25 = fakeJdk("home/.sdkman/candidates/java/25.0.1-tem", 25);
        Path sdkman21 = fakeJdk("home/.sdkman/candidates/java/21.0.5-tem", 21);
        Path maven17 = fakeJdk("maven-jdk", 17);
        Path javaHome21 = fakeJdk("java-home", 21);

        List<JdkFinder.Candidate> usual = JdkFinder.usualCandidates(javaHome21.toString(), maven17, home);
        assertThat(usual.get(0)).isEqualTo(new JdkFinder.Candidate("JAVA_HOME (" + javaHome21 + ")", javaHome21));
        assertThat(usual.get(1).home()).isEqualTo(maven17);
        List<Path> sdkman = usual.stream()
                .filter(c -> c.source().startsWith("~/.sdkman"))
                .map(JdkFinder.Candidate::home)
                .toList();
        assertThat(sdkman).containsExactly(sdkman21, sdkman25);

        // only the sdkman candidates and the two above exist on this fake machine's home; real /usr/lib/jvm folders
        // may exist too, so the search runs over the candidates up to the sdkman ones
        List<JdkFinder.Candidate> upToSdkman = new ArrayList<>(usual.subList(0, 2));
        upToSdkman.addAll(
                usual.stream().filter(c -> c.source().startsWith("~/.sdkman")).toList());
        JdkFinder.Found found = JdkFinder.find(null, upToSdkman);
        assertThat(found.home()).isEqualTo(sdkman25);
    }

    @Test
    void noJdk25FailsNamingEveryPlaceLookedAt() throws IOException {
        Path javaHome = fakeJdk("java-home", 17);
        List<JdkFinder.Candidate> candidates = List.of(
                new JdkFinder.Candidate("jdk toolchains of version [25,) in toolchains.xml (none)", null),
                new JdkFinder.Candidate("JAVA_HOME (" + javaHome + ")", javaHome),
                new JdkFinder.Candidate("/usr/java/* (nothing there)", null));
        assertThatThrownBy(() -> JdkFinder.find(null, candidates))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no JDK 25 or newer found for the packaging")
                .hasMessageContaining("jdk toolchains of version [25,) in toolchains.xml (none); JAVA_HOME (" + javaHome
                        + "): JDK 17; /usr/java/* (nothing there)")
                .hasMessageContaining("set <jdk> (or -Dcoldbrew.jdk=DIR)");
    }

    @Test
    void theVersionComesFromTheReleaseFileElseFromJavaItself() throws IOException {
        assertThat(JdkFinder.version(fakeJdk("a", 25))).hasValue(25);
        assertThat(JdkFinder.version(dir.resolve("missing"))).isEmpty();
        Path running = Path.of(System.getProperty("java.home"));
        assertThat(JdkFinder.version(running)).hasValue(Runtime.version().feature());
    }

    /** The shell scripts and the goal search the same install places: scripts/jdk25.sh's loop is this list. */
    @Test
    void theInstallPlacesAreThoseOfScriptsJdk25Sh() throws IOException {
        String script = Files.readString(Path.of("../scripts/jdk25.sh"));
        Matcher loop =
                Pattern.compile("for candidate in (.*?); do", Pattern.DOTALL).matcher(script);
        assertThat(loop.find())
                .as("the install places loop in scripts/jdk25.sh")
                .isTrue();
        List<String> places = List.of(loop.group(1)
                .replace("\\\n", " ")
                .replace("\"$HOME\"", "~")
                .trim()
                .split("\\s+"));
        assertThat(places).isEqualTo(JdkFinder.INSTALL_PLACES);
    }

    /** A folder that looks like a JDK of {@code version}: a {@code release} file and an executable bin/java. */
    private Path fakeJdk(String name, int version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + ".0.1\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
