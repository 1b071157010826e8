package dev.coldbrew.startup.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTest {
    @Test
    void oddSamplesTakeTheMiddleValue() {
        assertThat(Sample.of(List.of(9.0, 1.0, 5.0))).isEqualTo(new Sample(5.0, 1.0, 9.0, 3));
    }

    @Test
    void evenSamplesAverageTheTwoMiddleValues() {
        assertThat(Sample.of(List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
    }

    @Test
    void formatAndRatioAreMarkdownReady() {
        Sample sample = Sample.of(List.of(70.0, 71.25, 90.0));

        assertThat(sample.format(1)).isEqualTo("71.3 [70.0–90.0]");
        assertThat(sample.ratioTo(Sample.of(List.of(500.0)))).isEqualTo("0.14×");
    }

    @Test
    void anEmptySampleIsAnError() {
        assertThatThrownBy(() -> Sample.of(List.of())).hasMessageContaining("empty sample");
    }
}
