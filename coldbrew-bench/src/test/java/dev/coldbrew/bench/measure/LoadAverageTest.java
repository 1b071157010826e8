package dev.coldbrew.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadAverageTest {
    @Test
    void readsTheOneMinuteField() {
        assertThat(LoadAverage.parse("8.86 8.30 5.46 3/412 22046\n")).isEqualTo(8.86);
    }
}
