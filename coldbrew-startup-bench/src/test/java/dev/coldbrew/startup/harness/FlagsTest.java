package dev.coldbrew.startup.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {
    @Test
    void defaultsApplyWithoutFlags() {
        assertThat(Flags.parse()).isEqualTo(new Flags(Flags.DEFAULT_RUNS, Flags.DEFAULT_OUT, List.of()));
    }

    @Test
    void runsAndOutAreRead() {
        assertThat(Flags.parse(
                        "--runs",
                        "20",
                        "--out",
                        "/tmp/x",
                        "--jvm-option",
                        "-XX:+UseSerialGC",
                        "--jvm-option",
                        "-Xss1m"))
                .isEqualTo(new Flags(20, Path.of("/tmp/x"), List.of("-XX:+UseSerialGC", "-Xss1m")));
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> Flags.parse("--runs", "many")).hasMessage("--runs must be a whole number, got 'many'");
        assertThatThrownBy(() -> Flags.parse("--runs", "0")).hasMessage("--runs must be at least 1, got 0");
        assertThatThrownBy(() -> Flags.parse("--runs")).hasMessage("flag --runs needs a value");
        assertThatThrownBy(() -> Flags.parse("--fast"))
                .hasMessage("unknown flag --fast (usage: [--runs N] [--out dir] [--jvm-option X]... [--native])");
    }

    @Test
    void nativeAddsTheNativeExecutable() {
        assertThat(Flags.parse("--native").nativeImage()).isTrue();
        assertThat(Flags.parse().nativeImage()).isFalse();
    }
}
