package dev.coldbrew.gorpc.gob;

import java.util.List;

/**
 * A type definition received on a gob stream: Go's {@code wireType} (Go 1.19 {@code encoding/gob/type.go}).
 * Component types are referenced by id and resolved only when a value is decoded, because Go defines a parent
 * before its components.
 */
sealed interface WireType {
    /** The informational name Go sent (often empty); never compared when matching types. */
    String name();

    /** The kind, for error messages: {@code struct}, {@code slice}, … */
    String kind();

    /** The ids this type refers to, in field order. */
    List<Integer> components();

    record Struct(String name, List<Field> fields) implements WireType {
        public Struct {
            fields = List.copyOf(fields);
        }

        @Override
        public String kind() {
            return "struct";
        }

        @Override
        public List<Integer> components() {
            Integer[] ids = new Integer[fields.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = fields.get(i).typeId();
            }
            return List.of(ids);
        }
    }

    /** A struct field: its Go name and the id of its type. */
    record Field(String name, int typeId) {}

    record Slice(String name, int elem) implements WireType {
        @Override
        public String kind() {
            return "slice";
        }

        @Override
        public List<Integer> components() {
            return List.of(elem);
        }
    }

    record Array(String name, int elem, long length) implements WireType {
        @Override
        public String kind() {
            return "array";
        }

        @Override
        public List<Integer> components() {
            return List.of(elem);
        }
    }

    record Map(String name, int key, int elem) implements WireType {
        @Override
        public String kind() {
            return "map";
        }

        @Override
        public List<Integer> components() {
            return List.of(key, elem);
        }
    }

    /** GobEncoder / BinaryMarshaler / TextMarshaler types: opaque bytes on the wire. */
    record Opaque(String name, String marshaler) implements WireType {
        @Override
        public String kind() {
            return marshaler;
        }

        @Override
        public List<Integer> components() {
            return List.of();
        }
    }
}
