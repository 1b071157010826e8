package dev.coldbrew.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.Profile;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.workload.Workload;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchArgumentsTest {
    private static final Strategies STRATEGIES = Strategies.of(Map.of("PATH", "/nonexistent"));
    private static final Path HOME = Path.of("/repo");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 27, 15, 4, 5);

    private static BenchOptions parse(String... args) throws UsageException {
        return BenchArguments.parse(List.of(args), STRATEGIES, HOME, NOW);
    }

    private static List<String> names(BenchOptions o) {
        return o.strategies().stream().map(Strategy::name).toList();
    }

    @Test
    void noFlagsRunTheQuickProfileWithEveryStrategy() throws Exception {
        BenchOptions o = parse();

        assertThat(o.profile()).isEqualTo(Profile.QUICK);
        assertThat(o.workloads()).containsExactly(Workload.ECHO, Workload.SIN, Workload.KMEANS);
        assertThat(names(o))
                .containsExactly(
                        "aws-java",
                        "coldbrew-jvm",
                        "coldbrew-jvm-c1",
                        "coldbrew-aot",
                        "coldbrew-primed",
                        "gorpc",
                        "seed-bridge-jvm",
                        "package-provided",
                        "package-provided-primed",
                        "coldbrew-native",
                        "seed-bridge");
        assertThat(o.memorySizesMb()).containsExactly(256, 1024, 1769);
        assertThat(o.coldStarts()).isEqualTo(3);
        assertThat(o.warmInvokes()).isEqualTo(10);
        assertThat(o.smallEvents()).isFalse();
        assertThat(o.output()).isEqualTo(Path.of("/repo/bench-results/20261127-150405"));
    }

    @Test
    void calibrationRunsByDefaultAndZeroTurnsItOff() throws Exception {
        assertThat(parse().calibrationColdStarts()).isEqualTo(3);
        assertThat(parse("--profile", "full").calibrationColdStarts()).isEqualTo(5);
        assertThat(parse("--profile", "tiny").calibrationColdStarts()).isEqualTo(1);
        assertThat(parse("--calibration", "0").calibrationColdStarts()).isZero();
        assertThat(parse("--calibration=7").calibrationColdStarts()).isEqualTo(7);
        assertThatThrownBy(() -> parse("--calibration", "-1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--calibration")
                .hasMessageContaining("-1");
    }

    @Test
    void fullProfileCoversTheSeedsMemorySizes() throws Exception {
        assertThat(parse("--profile", "full").memorySizesMb()).containsExactly(128, 256, 512, 1024, 1769, 3008);
    }

    @Test
    void tinyProfileUsesSmallEvents() throws Exception {
        BenchOptions o = parse("--profile=tiny");

        assertThat(o.smallEvents()).isTrue();
        assertThat(o.cells()).isEqualTo(2 * 4);
    }

    @Test
    void flagsOverrideTheProfile() throws Exception {
        BenchOptions o = parse(
                "--profile",
                "full",
                "--workloads",
                "kmeans",
                "--memory",
                "512,128",
                "--repetitions",
                "7",
                "--warm=4",
                "--output",
                "out");

        assertThat(o.workloads()).containsExactly(Workload.KMEANS);
        assertThat(o.memorySizesMb()).containsExactly(512, 128);
        assertThat(o.coldStarts()).isEqualTo(7);
        assertThat(o.warmInvokes()).isEqualTo(4);
        assertThat(o.output()).isEqualTo(Path.of("out"));
    }

    @Test
    void theBaselineIsAlwaysMeasuredFirst() throws Exception {
        assertThat(names(parse("--strategies", "coldbrew-aot,coldbrew-jvm")))
                .containsExactly("aws-java", "coldbrew-aot", "coldbrew-jvm");
    }

    @Test
    void missingValueIsAnError() {
        assertThatThrownBy(() -> parse("--memory")).hasMessage("option --memory needs a value");
    }

    @Test
    void repeatedOptionIsAnError() {
        assertThatThrownBy(() -> parse("--warm", "1", "--warm", "2")).hasMessage("option --warm given twice");
    }

    @Test
    void memoryOutsideLambdasRangeIsAnError() {
        assertThatThrownBy(() -> parse("--memory", "20000"))
                .hasMessage("invalid memory size '20000': valid sizes are whole MB from 128 to 10240");
    }

    @Test
    void nonNumericWarmIsAnError() {
        assertThatThrownBy(() -> parse("--warm", "many"))
                .hasMessage("invalid --warm 'many': valid values are whole numbers from 1 to 1000");
    }

    @Test
    void emptyStrategyIsAnError() {
        assertThatThrownBy(() -> parse("--strategies", "aws-java,"))
                .hasMessage("unknown strategy '': valid strategies are aws-java, coldbrew-jvm, coldbrew-jvm-c1,"
                        + " coldbrew-aot, coldbrew-primed, gorpc, seed-bridge-jvm, package-provided,"
                        + " package-provided-primed, coldbrew-native, seed-bridge");
    }
}
