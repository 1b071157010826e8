package dev.coldbrew.gorpc.gob;

import static dev.coldbrew.gorpc.testing.GobVectors.standalone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays {@code standalone-values.hex}: single Encode outputs of Go 1.19, both directions. */
class StandaloneVectorsTest {
    record Point(long x, long y) {}

    record Inner(long a) {}

    /** Go's Outer without the map and interface fields, which the decoder must skip. */
    record Outer(Inner i, Inner p, List<String> s, double f, boolean b, long u) {}

    static final StructCodec<Point> POINT = StructCodec.builder("Point", Point.class)
            .field("X", GobScalars.INT, Point::x)
            .field("Y", GobScalars.INT, Point::y)
            .build(v -> new Point(v.get(0), v.get(1)));

    static final StructCodec<Inner> INNER = StructCodec.builder("Inner", Inner.class)
            .field("A", GobScalars.INT, Inner::a)
            .build(v -> new Inner(v.get(0)));

    static final StructCodec<Outer> OUTER = StructCodec.builder("Outer", Outer.class)
            .field("I", INNER, Outer::i)
            .field("P", INNER.pointer(), Outer::p)
            .field("S", new SliceCodec<>("[]string", GobScalars.STRING), Outer::s)
            .field("F", GobScalars.FLOAT, Outer::f)
            .field("B", GobScalars.BOOL, Outer::b)
            .field("U", GobScalars.UINT, Outer::u)
            .build(v -> new Outer(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)));

    @Test
    void scalarsFollowTheSingletonRuleBothWays() throws IOException {
        assertRoundTrip("int 3", GobScalars.INT, 3L);
        assertRoundTrip("int -129", GobScalars.INT, -129L);
        assertRoundTrip("uint 256", GobScalars.UINT, 256L);
        assertRoundTrip("float64 17.0", GobScalars.FLOAT, 17.0);
        assertRoundTrip("bool true", GobScalars.BOOL, true);
        assertRoundTrip("string \"hi\"", GobScalars.STRING, "hi");
        assertThat(encode(GobScalars.BYTES, new byte[] {1, 2}, new TypeIdAllocator()))
                .isEqualTo(standalone("[]byte{1,2}"));
        assertThat(decode(standalone("[]byte{1,2}"), GobScalars.BYTES)).containsExactly(1, 2);
    }

    @Test
    void aTopLevelZeroSingletonIsSent() throws IOException {
        assertThat(encode(GobScalars.BYTES, new byte[0], new TypeIdAllocator())).isEqualTo(standalone("[]byte{}"));
        assertThat(decode(standalone("[]byte{}"), GobScalars.BYTES)).isEmpty();
    }

    @Test
    void structsMatchGoDocExampleAndPointersFlatten() throws IOException {
        assertRoundTrip("Point{22,33}", POINT, new Point(22, 33));
        assertRoundTrip("&Point{22,33}", POINT.pointer(), new Point(22, 33));
        assertRoundTrip("Point{} (all zero)", POINT, new Point(0, 0));
    }

    @Test
    void zeroSliceElementsAreSent() throws IOException {
        SliceCodec<Long> ints = new SliceCodec<>("", GobScalars.INT);
        TypeIdAllocator ids = new TypeIdAllocator();
        ids.idOf(POINT);
        ids.idOf(StructCodec.builder("", Object.class).build(v -> new Object())); // Go's map[string]int took 66
        assertThat(encode(ints, List.of(0L, 5L), ids)).isEqualTo(standalone("[]int{0,5}"));
        assertThat(decode(standalone("[]int{0,5}"), ints)).containsExactly(0L, 5L);
    }

    @Test
    void zeroNestedStructsArrivePresentAndUnknownMapAndInterfaceFieldsAreSkipped() throws IOException {
        assertThat(decode(standalone("Outer{} zero"), OUTER))
                .isEqualTo(new Outer(new Inner(0), null, List.of(), 0.0, false, 0));
        assertThat(decode(standalone("Outer{P:&Inner{}"), OUTER))
                .isEqualTo(new Outer(new Inner(0), new Inner(0), List.of(), 0.0, false, 0));
    }

    @Test
    void aNonNilInterfaceIsRejectedNamingTypeIdAndOffset() {
        assertThatThrownBy(() -> decode(standalone("Outer{E: Point{1,2}}"), OUTER))
                .isInstanceOf(GobException.class)
                .hasMessage("gob: skip Outer.E at offset 142 failed: interface value (type id 8) of concrete type"
                        + " \"main.Point\" is not supported");
    }

    @Test
    void aTopLevelMapCanBeSkipped() throws IOException {
        byte[] bytes = standalone("map[string]int{\"a\":1}");
        GobDecoder decoder = new GobDecoder(new ByteArrayInputStream(bytes));
        decoder.skip();
        assertThat(decoder.offset()).isEqualTo(bytes.length);
    }

    @Test
    void aNullFieldWithoutANilIsAnEncodeErrorNamingTheField() {
        assertThatThrownBy(() -> encode(OUTER, new Outer(null, null, List.of(), 0, false, 0), new TypeIdAllocator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gob: encode Outer.I failed: value is null and Inner has no nil");
    }

    @Test
    void aNilSliceElementIsAnEncodeError() {
        SliceCodec<Inner> inners = new SliceCodec<>("", INNER.pointer());
        assertThatThrownBy(() -> encode(inners, java.util.Arrays.asList(new Inner(1), null), new TypeIdAllocator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gob: encode []*Inner failed: element 1 is nil, which gob cannot encode");
    }

    @Test
    void aNilTopLevelValueCannotBeEncoded() {
        assertThatThrownBy(() -> encode(POINT.pointer(), null, new TypeIdAllocator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gob: encode *Point failed: cannot encode a nil value");
    }

    private static <T> void assertRoundTrip(String label, GobCodec<T> codec, T value) throws IOException {
        byte[] go = standalone(label);
        assertThat(encode(codec, value, new TypeIdAllocator())).as(label).isEqualTo(go);
        assertThat(decode(go, codec)).as(label).isEqualTo(value);
    }

    static <T> byte[] encode(GobCodec<T> codec, T value, TypeIdAllocator ids) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GobEncoder(out, ids).encode(codec, value);
        return out.toByteArray();
    }

    static <T> T decode(byte[] bytes, GobCodec<T> codec) throws IOException {
        GobDecoder decoder = new GobDecoder(new ByteArrayInputStream(bytes));
        T value = decoder.decode(codec);
        assertThat(decoder.offset()).isEqualTo(bytes.length);
        return value;
    }
}
