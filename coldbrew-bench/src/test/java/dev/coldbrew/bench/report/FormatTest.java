package dev.coldbrew.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.measure.Stats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The number formats both benchmarks' tables use (coldbrew-bench's and coldbrew-startup-bench's). */
class FormatTest {
    @Test
    void millisecondsKeepThreeSignificantDigitsOrSo() {
        assertThat(Format.ms(182.4)).isEqualTo("182");
        assertThat(Format.ms(71.25)).isEqualTo("71.3");
        assertThat(Format.ms(1.234)).isEqualTo("1.23");
        assertThat(Format.ms(Double.NaN)).isEqualTo("–");
    }

    @Test
    void aMedianReadsWithItsRange() {
        assertThat(Format.medianRange(Stats.of(List.of(70.0, 71.25, 90.0)))).isEqualTo("71.3 [70.0–90.0]");
        assertThat(Format.medianRange(Stats.NONE)).isEqualTo("–");
    }

    @Test
    void ratiosAndLoadHaveTwoDecimals() {
        assertThat(Format.ratio(70.0 / 500.0)).isEqualTo("0.14×");
        assertThat(Format.load(1.234)).isEqualTo("1.23");
        assertThat(Format.load(Double.NaN)).isEqualTo("unknown");
    }

    @Test
    void aCountOfOneTakesTheSingular() {
        assertThat(Format.count(1, "cold start")).isEqualTo("1 cold start");
        assertThat(Format.count(2, "cold start")).isEqualTo("2 cold starts");
        assertThat(Format.count(0, "invoke")).isEqualTo("0 invokes");
        assertThat(Format.count(1, "strategy")).isEqualTo("1 strategy");
        assertThat(Format.count(3, "strategy")).isEqualTo("3 strategies");
        assertThat(Format.count(4, "day")).isEqualTo("4 days");
    }
}
