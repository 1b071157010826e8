package dev.coldbrew.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void oddCountHasTheMiddleValueAsMedian() {
        Stats s = Stats.of(List.of(5.0, 1.0, 3.0));

        assertThat(s).isEqualTo(new Stats(3, 3.0, 4.6, 1.0, 5.0));
    }

    @Test
    void evenCountAveragesTheMiddleTwo() {
        assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
    }

    @Test
    void p90InterpolatesBetweenRanks() {
        List<Double> values = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0);

        assertThat(Stats.of(values).p90()).isEqualTo(10.0);
    }

    @Test
    void missingValuesAreLeftOut() {
        assertThat(Stats.of(List.of(Double.NaN, 2.0))).isEqualTo(new Stats(1, 2.0, 2.0, 2.0, 2.0));
    }

    @Test
    void noValuesIsEmpty() {
        assertThat(Stats.of(List.of()).isEmpty()).isTrue();
        assertThat(Stats.of(List.of(Double.NaN))).isEqualTo(Stats.NONE);
    }
}
