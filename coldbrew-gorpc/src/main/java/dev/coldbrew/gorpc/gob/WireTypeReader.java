package dev.coldbrew.gorpc.gob;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the body of a type definition message ({@code wireType} and its inner types), which are themselves
 * gob structs: field deltas, zero values omitted, {@code 00} ends each struct.
 */
final class WireTypeReader {
    private static final String[] KINDS = {
        "ArrayT", "SliceT", "StructT", "MapT", "GobEncoderT", "BinaryMarshalerT", "TextMarshalerT"
    };

    private final GobInput in;
    private final int id;

    private WireTypeReader(GobInput in, int id) {
        this.in = in;
        this.id = id;
    }

    /** Reads the {@code wireType} struct defining {@code id}. */
    static WireType read(GobInput in, int id) throws GobException {
        return new WireTypeReader(in, id).wireType();
    }

    private WireType wireType() throws GobException {
        WireType result = null;
        for (int field = nextField(-1, KINDS.length, "wireType");
                field >= 0;
                field = nextField(field, KINDS.length, "wireType")) {
            if (result != null) {
                throw in.error(
                        "read definition of type id " + id,
                        "wireType sets both " + result.kind() + " and " + KINDS[field]);
            }
            result = switch (field) {
                case 0 -> arrayType();
                case 1 -> sliceType();
                case 2 -> structType();
                case 3 -> mapType();
                default -> new WireType.Opaque(commonOnly(KINDS[field]), KINDS[field]);
            };
        }
        if (result == null) {
            throw in.error("read definition of type id " + id, "wireType sets no kind");
        }
        return result;
    }

    private WireType.Struct structType() throws GobException {
        String name = "";
        List<WireType.Field> fields = List.of();
        for (int f = nextField(-1, 2, "structType"); f >= 0; f = nextField(f, 2, "structType")) {
            if (f == 0) {
                name = commonType();
            } else {
                fields = fieldTypes();
            }
        }
        return new WireType.Struct(name, fields);
    }

    private List<WireType.Field> fieldTypes() throws GobException {
        int count = in.readCount("structType.Field");
        List<WireType.Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "";
            int typeId = 0;
            for (int f = nextField(-1, 2, "fieldType"); f >= 0; f = nextField(f, 2, "fieldType")) {
                if (f == 0) {
                    name = in.readString();
                } else {
                    typeId = typeRef("field " + i);
                }
            }
            if (typeId == 0) {
                throw in.error("read definition of type id " + id, "field " + i + " (" + name + ") has no type id");
            }
            fields.add(new WireType.Field(name, typeId));
        }
        return fields;
    }

    private WireType.Slice sliceType() throws GobException {
        String name = "";
        int elem = 0;
        for (int f = nextField(-1, 2, "sliceType"); f >= 0; f = nextField(f, 2, "sliceType")) {
            if (f == 0) {
                name = commonType();
            } else {
                elem = typeRef("Elem");
            }
        }
        return new WireType.Slice(name, requireRef(elem, "Elem"));
    }

    private WireType.Array arrayType() throws GobException {
        String name = "";
        int elem = 0;
        long length = 0;
        for (int f = nextField(-1, 3, "arrayType"); f >= 0; f = nextField(f, 3, "arrayType")) {
            switch (f) {
                case 0 -> name = commonType();
                case 1 -> elem = typeRef("Elem");
                default -> length = in.readInt();
            }
        }
        if (length < 0) {
            throw in.error("read definition of type id " + id, "array length " + length + " is negative");
        }
        return new WireType.Array(name, requireRef(elem, "Elem"), length);
    }

    private WireType.Map mapType() throws GobException {
        String name = "";
        int key = 0;
        int elem = 0;
        for (int f = nextField(-1, 3, "mapType"); f >= 0; f = nextField(f, 3, "mapType")) {
            switch (f) {
                case 0 -> name = commonType();
                case 1 -> key = typeRef("Key");
                default -> elem = typeRef("Elem");
            }
        }
        return new WireType.Map(name, requireRef(key, "Key"), requireRef(elem, "Elem"));
    }

    private String commonOnly(String kind) throws GobException {
        String name = "";
        for (int f = nextField(-1, 1, kind); f >= 0; f = nextField(f, 1, kind)) {
            name = commonType();
        }
        return name;
    }

    /** {@code CommonType{Name string; Id typeId}}; returns the name (the id is the definition's own). */
    private String commonType() throws GobException {
        String name = "";
        for (int f = nextField(-1, 2, "CommonType"); f >= 0; f = nextField(f, 2, "CommonType")) {
            if (f == 0) {
                name = in.readString();
            } else {
                in.readInt();
            }
        }
        return name;
    }

    private int typeRef(String what) throws GobException {
        long at = in.offset();
        long ref = in.readInt();
        if (ref <= 0 || ref > Integer.MAX_VALUE) {
            throw new GobException("gob: read definition of type id " + id + " at offset " + at + " failed: " + what
                    + " refers to invalid type id " + ref);
        }
        return (int) ref;
    }

    private int requireRef(int ref, String what) throws GobException {
        if (ref == 0) {
            throw in.error("read definition of type id " + id, what + " type id missing");
        }
        return ref;
    }

    /** The next field number of a struct with {@code fieldCount} fields, or -1 at its end. */
    private int nextField(int current, int fieldCount, String struct) throws GobException {
        long at = in.offset();
        long delta = in.readUint();
        if (delta == 0) {
            return -1;
        }
        if (delta < 0 || delta > fieldCount - 1 - current) {
            throw new GobException("gob: read definition of type id " + id + " at offset " + at + " failed: field "
                    + "delta " + Long.toUnsignedString(delta) + " after field " + current + " is out of bounds for "
                    + struct + " with " + fieldCount + " fields");
        }
        return current + (int) delta;
    }
}
