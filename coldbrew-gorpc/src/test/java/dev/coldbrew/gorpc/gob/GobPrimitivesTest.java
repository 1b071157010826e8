package dev.coldbrew.gorpc.gob;

import static dev.coldbrew.gorpc.testing.GobVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GobPrimitivesTest {

    // Values and bytes from go-rpc-gob.md §4.1 and Go's codec_test.go encodeT table.
    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "7, 07",
        "127, 7f",
        "128, ff80",
        "256, fe0100",
        "65535, feffff",
        "-1, f8ffffffffffffffff",
        "-9223372036854775808, f88000000000000000",
    })
    void uintsUseTheNegatedByteCountForm(long value, String bytes) throws GobException {
        assertThat(encode(out -> out.writeUint(value))).isEqualTo(hex(bytes));
        assertThat(new GobInput(hex(bytes), 0).readUint()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "-1, 01", "22, 2c", "42, 54", "-129, fe0101", "1542409706, fcb7de9bd4"})
    void intsAreZigZagged(long value, String bytes) throws GobException {
        assertThat(encode(out -> out.writeInt(value))).isEqualTo(hex(bytes));
        assertThat(new GobInput(hex(bytes), 0).readInt()).isEqualTo(value);
    }

    @Test
    void extremeIntsRoundTrip() throws GobException {
        for (long value : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThat(new GobInput(encode(out -> out.writeInt(value)), 0).readInt())
                    .isEqualTo(value);
        }
    }

    @Test
    void floatsAreByteReversed() throws GobException {
        assertThat(encode(out -> out.writeFloat(17.0))).isEqualTo(hex("fe3140"));
        assertThat(new GobInput(hex("fe3140"), 0).readFloat()).isEqualTo(17.0);
    }

    @Test
    void aByteCountAboveEightFailsNamingTheFirstByte() {
        assertThatThrownBy(() -> new GobInput(hex("f7010203040506070809"), 100).readUint())
                .isInstanceOf(GobException.class)
                .hasMessage("gob: read uint at offset 100 failed: byte count 9 exceeds 8 (first byte 0xf7)");
    }

    @Test
    void aTruncatedUintFails() {
        assertThatThrownBy(() -> new GobInput(hex("fe01"), 7).readUint())
                .hasMessage("gob: read uint of 2 bytes at offset 8 failed: message truncated, 1 bytes left, 2 needed");
    }

    @Test
    void aStringLongerThanTheMessageIsRejectedBeforeAllocating() {
        assertThatThrownBy(() -> new GobInput(hex("f8 7fffffffffffffff 6869"), 0).readString())
                .hasMessage("gob: read string length at offset 0 failed: length 9223372036854775807 exceeds the 2"
                        + " bytes left in the message");
    }

    @Test
    void boolsOtherThanZeroOrOneAreRejected() {
        assertThatThrownBy(() -> new GobInput(hex("02"), 0).readBool())
                .hasMessage("gob: read bool at offset 0 failed: value 2 is neither 0 nor 1");
    }

    @Test
    void int32ValuesOutOfRangeAreRejected() {
        byte[] big = encode(out -> out.writeInt(1L << 40));
        assertThatThrownBy(() -> new GobInput(big, 0).readInt32())
                .hasMessage("gob: read int32 at offset 0 failed: value 1099511627776 out of range");
    }

    private interface Writes {
        void to(GobOutput out);
    }

    private static byte[] encode(Writes writes) {
        GobOutput out = new GobOutput();
        out.beginMessage();
        writes.to(out);
        return out.messageBody();
    }
}
