package dev.coldbrew.gorpc.gob;

import static dev.coldbrew.gorpc.testing.GobVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.gob.StandaloneVectorsTest.Point;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, truncated, oversized and recursive input: each ends in a clear GobException, never a hang. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputTest {
    private static final StructCodec<Point> POINT = StandaloneVectorsTest.POINT;
    private static final byte[] POINT_TYPE = hex("1fff810301010550 6f696e7401ff820001020101580104000101590104000000");

    @Test
    void aTruncatedMessageFailsWithTheBytesReceived() {
        assertDecodeFails(hex("0aff82"), POINT)
                .hasMessage("gob: read message at offset 0 failed: unexpected EOF after 2 of 10 bytes");
    }

    @Test
    void goBadDataTruncatedInputIsAnUnexpectedEof() {
        assertDecodeFails(hex("7f6869"), POINT)
                .hasMessage("gob: read message at offset 0 failed: unexpected EOF after 2 of 127 bytes");
    }

    @Test
    void aTruncatedLengthPrefixFails() {
        assertDecodeFails(hex("fe01"), POINT).hasMessageContaining("message truncated");
    }

    @Test
    void lengthsBeyondTheLimitAreRejectedBeforeReading() {
        assertDecodeFails(hex("fc7fffffff"), POINT)
                .hasMessage("gob: read message at offset 0 failed: invalid message length 2147483647 (limit "
                        + GobLimits.DEFAULT_MAX_MESSAGE_BYTES + " bytes)");
        assertDecodeFails(hex("f88000000000000000"), POINT)
                .hasMessageContaining("invalid message length 9223372036854775808");
    }

    @Test
    void aLengthWithinTheLimitButBeyondTheStreamFailsWithoutAllocatingIt() {
        GobOutput claim = new GobOutput();
        claim.beginMessage();
        claim.writeUint(GobLimits.DEFAULT_MAX_MESSAGE_BYTES);
        byte[] stream = concat(claim.messageBody(), hex("ff82 00"));
        assertDecodeFails(stream, POINT)
                .hasMessage("gob: read message at offset 0 failed: unexpected EOF after 3 of "
                        + GobLimits.DEFAULT_MAX_MESSAGE_BYTES + " bytes");
    }

    @Test
    void emptyMessagesAreRejected() {
        assertDecodeFails(hex("00"), POINT).hasMessageContaining("invalid message length 0");
    }

    @Test
    void typeIdZeroIsInvalid() {
        assertDecodeFails(hex("0100"), POINT).hasMessage("gob: read type id at offset 1 failed: invalid type id 0");
    }

    @Test
    void aValueOfAnUndefinedTypeIdFails() {
        assertDecodeFails(hex("03ffc600"), POINT)
                .hasMessage(
                        "gob: check type id 99 at offset 1 failed: undefined or unsupported type id 99 (user type)");
    }

    @Test
    void aReservedTypeIdIsNotADefinitionAndNotAValue() {
        assertDecodeFails(hex("0424666f6f"), POINT) // Go's badDataTests: type id 18 (CommonType) as a value
                .hasMessageContaining("type id 18 (reserved)")
                .hasMessageContaining("offset 1");
        assertDecodeFails(hex("0913030102ff8e000000"), POINT) // a definition for id 10
                .hasMessage("gob: define type id 10 at offset 1 failed: duplicate type received (reserved id)");
    }

    @Test
    void aFieldReferringToANegativeTypeIdIsRejected() {
        // struct id 65 with one field "X" of type id -3
        byte[] def = frame(out -> {
            out.writeInt(-65);
            out.writeUint(3);
            out.writeUint(1);
            out.writeUint(2);
            out.writeInt(65);
            out.writeUint(0);
            out.writeUint(1);
            out.writeUint(1);
            out.writeUint(1);
            out.writeString("X");
            out.writeUint(1);
            out.writeInt(-3);
        });
        assertDecodeFails(def, POINT)
                .hasMessage(
                        "gob: read definition of type id 65 at offset 15 failed: field 0 refers to invalid type id -3");
    }

    @Test
    void aTypeDefinedTwiceIsRejected() {
        assertDecodeFails(concat(POINT_TYPE, POINT_TYPE), POINT)
                .hasMessage("gob: define type id 65 at offset 33 failed: duplicate type received (already defined "
                        + "as struct \"Point\")");
    }

    @Test
    void recursiveTypeDefinitionsAreRejected() {
        byte[] selfSlice = frame(out -> {
            out.writeInt(-65);
            out.writeUint(2);
            out.writeUint(1);
            out.writeUint(2);
            out.writeInt(65);
            out.writeUint(0);
            out.writeUint(1);
            out.writeInt(65);
            out.writeUint(0);
            out.writeUint(0);
        });
        byte[] value = hex("03ff8200");
        assertDecodeFails(concat(selfSlice, value), POINT)
                .hasMessageContaining("recursive type definition")
                .hasMessageContaining("type id 65");
        assertSkipFails(concat(selfSlice, value)).hasMessageContaining("recursive type definition");
    }

    @Test
    void typesNestedBeyondTheDepthLimitAreRejected() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int id = 65; id < 65 + 40; id++) {
            int next = id + 1;
            stream.writeBytes(structDefinition(id, "F", id == 65 + 39 ? GobTypeIds.INT : next));
        }
        stream.writeBytes(hex("03ff8200"));
        assertSkipFails(stream.toByteArray()).hasMessageContaining("types nested deeper than 32");
    }

    @Test
    void theDepthLimitHoldsForTypesBuiltOnTypesCheckedForEarlierValues() throws IOException {
        // A chain of structs sent 30 levels at a time, each batch followed by a value of its top type: the first
        // value is 30 deep (within the limit), the second 60 deep through the 30 levels already checked.
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int id = 65;
        for (int batch = 0; batch < 2; batch++) {
            for (int level = 0; level < 30; level++, id++) {
                stream.writeBytes(structDefinition(id, "F", id == 65 ? GobTypeIds.INT : id - 1));
            }
            stream.writeBytes(zeroStruct(id - 1));
        }
        GobDecoder decoder = decoder(stream.toByteArray());
        decoder.skip();
        assertThatThrownBy(decoder::skip)
                .isInstanceOf(GobException.class)
                .hasMessageStartingWith("gob: check type id 124 at offset ")
                .hasMessageEndingWith(" failed: types nested deeper than 32 (60 levels, 30 of them through type id "
                        + "94, checked for an earlier value)");
    }

    @Test
    void tooManyTypeDefinitionsAreRejected() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int id = 65; id < 70; id++) {
            stream.writeBytes(structDefinition(id, "F", GobTypeIds.INT));
        }
        GobDecoder decoder =
                new GobDecoder(new ByteArrayInputStream(stream.toByteArray()), new GobLimits(1024, 3, 1024, 8, 16));
        assertThatThrownBy(() -> decoder.decode(POINT)).hasMessageContaining("more than 3 type definitions");
    }

    @Test
    void typeDefinitionsBeyondTheirByteBudgetAreRejected() {
        // one struct with 10,000 one-letter fields: 60 KB on the wire, several times that once parsed
        byte[] wide = frame(out -> {
            out.writeInt(-65);
            out.writeUint(3);
            out.writeUint(1);
            out.writeUint(2);
            out.writeInt(65);
            out.writeUint(0);
            out.writeUint(1);
            out.writeUint(10_000);
            for (int i = 0; i < 10_000; i++) {
                out.writeUint(1);
                out.writeString("F");
                out.writeUint(1);
                out.writeInt(GobTypeIds.INT);
                out.writeUint(0);
            }
            out.writeUint(0);
            out.writeUint(0);
        });
        GobDecoder decoder =
                new GobDecoder(new ByteArrayInputStream(wide), new GobLimits(1 << 20, 8, 16 * 1024, 8, 16));
        assertThatThrownBy(() -> decoder.decode(POINT))
                .isInstanceOf(GobException.class)
                .hasMessage("gob: define type id 65 at offset 3 failed: type definitions on this stream exceed 16384 "
                        + "bytes");
    }

    @Test
    void garbageInsideAValueMessageIsRejected() {
        assertDecodeFails(concat(POINT_TYPE, hex("08ff82012c014200ee")), POINT)
                .hasMessage("gob: decode value of type id 65 at offset 40 failed: 1 bytes of garbage after the value "
                        + "in the same message");
    }

    @Test
    void garbageAfterAValidMessageFailsTheNextRead() throws IOException {
        GobDecoder decoder = decoder(concat(POINT_TYPE, hex("07ff82012c014200"), hex("deadbeef")));
        assertThat(decoder.decode(POINT)).isEqualTo(new Point(22, 33));
        assertThatThrownBy(() -> decoder.decode(POINT))
                .isInstanceOf(GobException.class)
                .hasMessage("gob: read message length at offset 40 failed: byte count 34 exceeds 8 (first byte 0xde)");
    }

    @Test
    void extraBytesAfterATypeDefinitionAreRejected() {
        byte[] def = hex("20ff810301010550 6f696e7401ff820001020101580104000101590104000000 99");
        assertDecodeFails(def, POINT).hasMessageContaining("extra data in buffer, 1 bytes after the wireType");
    }

    @Test
    void fieldDeltasOutOfBoundsAreRejected() {
        assertDecodeFails(concat(POINT_TYPE, hex("05ff82032c00")), POINT)
                .hasMessage("gob: decode Point (type id 65) at offset 35 failed: field numbers out of bounds, delta 3"
                        + " after field -1 of 2");
    }

    @Test
    void aSliceCountBeyondTheMessageIsRejectedBeforeAllocating() {
        SliceCodec<Long> ints = new SliceCodec<>("", GobScalars.INT);
        byte[] sliceType = hex("0cff85020102ff8600010400 00");
        byte[] value = hex("09ff8600fb ffffffffff"); // count 2^40-1, no elements
        assertDecodeFails(concat(sliceType, value), ints)
                .hasMessageContaining("length 1099511627775 exceeds the 0 bytes left in the message");
    }

    @Test
    void slicesWithMoreElementsThanTheLimitAreRejectedBeforeDecoding() {
        SliceCodec<Long> ints = new SliceCodec<>("", GobScalars.INT);
        byte[] sliceType = hex("0cff85020102ff8600010400 00");
        byte[] seventeen = hex("15ff8600 11 0000000000000000000000000000000000");
        GobDecoder decoder = new GobDecoder(
                new ByteArrayInputStream(concat(sliceType, seventeen)), new GobLimits(1 << 20, 8, 1024, 8, 16));
        assertThatThrownBy(() -> decoder.decode(ints))
                .isInstanceOf(GobException.class)
                .hasMessage("gob: decode value of type id 67 at offset 17 failed: 17 elements exceed the limit of 16");
    }

    @Test
    void aWrongWireKindIsRejectedNamingBothTypes() {
        assertDecodeFails(hex("05 0c 00 02 6869"), GobScalars.INT)
                .hasMessage("gob: decode value of type id 6 at offset 1 failed: wrong type, local int64 cannot take"
                        + " remote type id 6 (string)");
        assertDecodeFails(hex("03 04 00 06"), POINT)
                .hasMessage("gob: decode value of type id 2 at offset 1 failed: wrong type, local Point cannot take"
                        + " remote type id 2 (int)");
    }

    @Test
    void structsWithNoCommonFieldsAreAMismatch() {
        StructCodec<Long> other = StructCodec.builder("Other", Long.class)
                .field("Z", GobScalars.INT, v -> v)
                .build(v -> v.get(0));
        assertDecodeFails(concat(POINT_TYPE, hex("07ff82012c014200")), other)
                .hasMessageContaining("type mismatch, no fields matched between local Other and remote type id 65");
    }

    @Test
    void aNonZeroSingletonDeltaIsRejected() {
        assertDecodeFails(hex("030401 06"), GobScalars.INT).hasMessageContaining("non-zero delta 1 for singleton");
    }

    @Test
    void theStreamEndsCleanlyOnlyBetweenValues() {
        assertThatThrownBy(() -> decoder(new byte[0]).decode(POINT)).isInstanceOf(EOFException.class);
        assertDecodeFails(POINT_TYPE, POINT)
                .hasMessage("gob: read message at offset 32 failed: unexpected EOF, the value's message did not "
                        + "follow its type definitions");
    }

    @Test
    void unknownFieldsOfEveryKindAreSkipped() throws IOException {
        // struct "Point" {X int, Junk []string, Y int}: Junk is unknown locally
        byte[] withJunk = concat(
                hex("29ff81030101 05 506f696e74 01ff82 00 0103 0101 58 0104 00 0104 4a756e6b 01ff84 00 0101 59 0104 00"
                        + " 0000"),
                hex("0cff83020102ff8400 010c 0000"),
                hex("0bff82 012c 01 01 01 61 01 42 00"));
        assertThat(decoder(withJunk).decode(POINT)).isEqualTo(new Point(22, 33));
    }

    private static byte[] structDefinition(int id, String field, int fieldType) {
        return frame(out -> {
            out.writeInt(-id);
            out.writeUint(3);
            out.writeUint(1);
            out.writeUint(2);
            out.writeInt(id);
            out.writeUint(0);
            out.writeUint(1);
            out.writeUint(1);
            out.writeUint(1);
            out.writeString(field);
            out.writeUint(1);
            out.writeInt(fieldType);
            out.writeUint(0);
            out.writeUint(0);
            out.writeUint(0);
        });
    }

    /** A value message holding the zero value of struct type {@code id}: no fields, just the end mark. */
    private static byte[] zeroStruct(int id) {
        return frame(out -> {
            out.writeInt(id);
            out.writeUint(0);
        });
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertDecodeFails(byte[] stream, GobCodec<?> codec) {
        return assertThatThrownBy(() -> decoder(stream).decode(codec)).isInstanceOf(GobException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertSkipFails(byte[] stream) {
        return assertThatThrownBy(() -> decoder(stream).skip()).isInstanceOf(GobException.class);
    }

    private static GobDecoder decoder(byte[] stream) {
        return new GobDecoder(new ByteArrayInputStream(stream));
    }

    private static byte[] frame(Consumer<GobOutput> body) {
        GobOutput out = new GobOutput();
        out.beginMessage();
        body.accept(out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            out.writeMessageTo(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List.of(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
