package dev.coldbrew.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsignedDecimalTest {
    @Test
    void digitsWithinTheBoundsAreTheirValue() {
        assertThat(UnsignedDecimal.parse("1", 1, 65_535)).isEqualTo(1);
        assertThat(UnsignedDecimal.parse("65535", 1, 65_535)).isEqualTo(65_535);
        assertThat(UnsignedDecimal.parse("0", 0, 10)).isZero();
        assertThat(UnsignedDecimal.parse("999999999999999999", 0, 999_999_999_999_999_999L))
                .isEqualTo(999_999_999_999_999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "65536", "-1", "+1", " 1", "1 ", "80a", "1.5", "99999999999999999999999"})
    void anythingElseIsInvalid(String value) {
        assertThat(UnsignedDecimal.parse(value, 1, 65_535)).isEqualTo(UnsignedDecimal.INVALID);
    }

    @Test
    void nullIsInvalid() {
        assertThat(UnsignedDecimal.parse(null, 1, 10)).isEqualTo(UnsignedDecimal.INVALID);
    }

    @Test
    void theWholeLongRangeParsesWithoutOverflow() {
        assertThat(UnsignedDecimal.parse(Long.toString(Long.MAX_VALUE), 0, Long.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(UnsignedDecimal.parse("9223372036854775808", 0, Long.MAX_VALUE))
                .isEqualTo(UnsignedDecimal.INVALID);
    }

    @Test
    void reversedOrNegativeBoundsAreRefusedNamingThem() {
        assertThatThrownBy(() -> UnsignedDecimal.parse("1", 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bounds [5, 4]");
        assertThatThrownBy(() -> UnsignedDecimal.parse("1", -1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
