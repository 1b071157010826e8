package dev.coldbrew.gorpc.gob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A gob struct mapped to a Java type (usually a record) by explicit field accessors and a constructor.
 * Fields are numbered in the order they are declared here, as Go numbers exported fields. Encoding omits
 * zero fields except nested struct values; decoding matches fields by name, skips unknown remote fields and
 * leaves absent ones at their zero value.
 *
 * <pre>{@code
 * StructCodec<Point> CODEC = StructCodec.builder("Point", Point.class)
 *         .field("X", GobScalars.INT, Point::x)
 *         .field("Y", GobScalars.INT, Point::y)
 *         .build(v -> new Point(v.get(0), v.get(1)));
 * }</pre>
 */
public final class StructCodec<T> extends GobCodec<T> {
    private final String name;
    private final List<Field<T, ?>> fields;
    private final Map<String, Integer> indexByName;
    private final Function<FieldValues, T> constructor;
    private final Object[] zeros;
    private final T zero;
    private final PointerCodec<T> pointer;

    private StructCodec(String name, List<Field<T, ?>> fields, Function<FieldValues, T> constructor) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.constructor = constructor;
        this.indexByName = new HashMap<>();
        this.zeros = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            indexByName.put(fields.get(i).name(), i);
            zeros[i] = fields.get(i).codec().zero();
        }
        this.zero = constructor.apply(new FieldValues(zeros.clone()));
        this.pointer = new PointerCodec<>(this);
    }

    /**
     * @param name the name sent in the type definition (informational; Go sends {@code ""} in some places)
     * @param type the Java type, only to fix the builder's type parameter
     */
    public static <T> Builder<T> builder(String name, Class<T> type) {
        return new Builder<>(name);
    }

    /** A nil-able pointer to this struct ({@code *T}): null is omitted, a non-null value is always sent. */
    public GobCodec<T> pointer() {
        return pointer;
    }

    public String name() {
        return name;
    }

    @Override
    public String goType() {
        return name.isEmpty() ? "struct" : name;
    }

    /** Struct values are sent even when all their fields are zero (vector 07: Deadline). */
    @Override
    boolean isZero(T value) {
        return false;
    }

    @Override
    T zero() {
        return zero;
    }

    @Override
    boolean isStruct() {
        return true;
    }

    @Override
    void write(GobOutput out, T value) {
        if (value == null) {
            throw new IllegalArgumentException("gob: encode struct " + goType() + " failed: value is null");
        }
        int last = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).writeIfSet(out, value, i - last, goType())) {
                last = i;
            }
        }
        out.writeUint(0);
    }

    @Override
    ValueReader<T> reader(RemoteTypes types, int remoteId, String target, long offset) throws GobException {
        if (!(types.get(remoteId) instanceof WireType.Struct remote)) {
            throw mismatch(types, remoteId, target, offset);
        }
        FieldReader[] readers = new FieldReader[remote.fields().size()];
        boolean matched = false;
        for (int j = 0; j < readers.length; j++) {
            WireType.Field field = remote.fields().get(j);
            Integer local = indexByName.get(field.name());
            String fieldTarget = goType() + "." + field.name();
            if (local == null) {
                ValueReader<Void> skip = ValueSkipper.of(types, field.typeId(), fieldTarget, offset);
                readers[j] = (in, values) -> skip.read(in);
            } else {
                readers[j] = fields.get(local).reader(types, field.typeId(), fieldTarget, offset, local);
                matched = true;
            }
        }
        if (!matched && readers.length > 0 && !fields.isEmpty()) {
            throw new GobException("gob: decode " + target + " at offset " + offset + " failed: type mismatch, no "
                    + "fields matched between local " + goType() + " and remote type id " + remoteId);
        }
        return in -> readValue(in, readers, remoteId);
    }

    private T readValue(GobInput in, FieldReader[] readers, int remoteId) throws GobException {
        Object[] values = zeros.clone();
        int field = -1;
        while (true) {
            long at = in.offset();
            long delta = in.readUint();
            if (delta == 0) {
                return constructor.apply(new FieldValues(values));
            }
            if (delta < 0 || delta > readers.length - 1 - field) {
                throw new GobException("gob: decode " + goType() + " (type id " + remoteId + ") at offset " + at
                        + " failed: field numbers out of bounds, delta " + Long.toUnsignedString(delta)
                        + " after field " + field + " of " + readers.length);
            }
            field += (int) delta;
            readers[field].read(in, values);
        }
    }

    @Override
    int builtinId() {
        return 0;
    }

    @Override
    int allocate(TypeIdAllocator ids) {
        Integer existing = ids.existing(this);
        if (existing != null) {
            return existing;
        }
        int id = ids.assign(this);
        for (Field<T, ?> field : fields) {
            field.codec().allocate(ids);
        }
        return id;
    }

    @Override
    void writeDefinition(GobOutput out, TypeIdAllocator ids) {
        out.writeUint(3); // wireType field 2: StructT
        out.writeUint(1); // structType field 0: CommonType
        WireTypeWriter.writeCommon(out, name, ids.idOf(this));
        if (!fields.isEmpty()) {
            out.writeUint(1); // structType field 1: Field
            out.writeUint(fields.size());
            for (Field<T, ?> field : fields) {
                WireTypeWriter.writeField(out, field.name(), ids.idOf(field.codec()));
            }
        }
        out.writeUint(0);
        out.writeUint(0);
    }

    @Override
    List<GobCodec<?>> components() {
        List<GobCodec<?>> out = new ArrayList<>();
        for (Field<T, ?> field : fields) {
            out.add(field.codec());
        }
        return out;
    }

    @FunctionalInterface
    private interface FieldReader {
        void read(GobInput in, Object[] values) throws GobException;
    }

    /** One field: its Go name, its codec and how to get it from the Java value. */
    private record Field<T, V>(String name, GobCodec<V> codec, Function<T, V> getter) {
        boolean writeIfSet(GobOutput out, T owner, int delta, String struct) {
            V value = getter.apply(owner);
            if (value == null) {
                if (codec instanceof PointerCodec) {
                    return false; // a nil pointer is omitted
                }
                throw new IllegalArgumentException("gob: encode " + struct + "." + name + " failed: value is null"
                        + " and " + codec.goType() + " has no nil");
            }
            if (codec.isZero(value)) {
                return false;
            }
            out.writeUint(delta);
            codec.write(out, value);
            return true;
        }

        FieldReader reader(RemoteTypes types, int remoteId, String target, long offset, int index) throws GobException {
            ValueReader<V> read = codec.reader(types, remoteId, target, offset);
            return (in, values) -> values[index] = read.read(in);
        }
    }

    /** The decoded field values, by declaration index, handed to the constructor. */
    public static final class FieldValues {
        private final Object[] values;

        FieldValues(Object[] values) {
            this.values = values;
        }

        /** The value of field {@code index}, typed by the constructor parameter it is passed to. */
        @SuppressWarnings("unchecked")
        public <V> V get(int index) {
            return (V) values[index];
        }
    }

    public static final class Builder<T> {
        private final String name;
        private final List<Field<T, ?>> fields = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public <V> Builder<T> field(String fieldName, GobCodec<V> codec, Function<T, V> getter) {
            if (fieldName.isEmpty() || isDeclared(fieldName)) {
                throw new IllegalArgumentException(
                        "gob: struct " + name + " field name \"" + fieldName + "\" is empty or repeated");
            }
            fields.add(new Field<>(fieldName, codec, getter));
            return this;
        }

        private boolean isDeclared(String fieldName) {
            for (Field<T, ?> field : fields) {
                if (field.name().equals(fieldName)) {
                    return true;
                }
            }
            return false;
        }

        public StructCodec<T> build(Function<FieldValues, T> constructor) {
            return new StructCodec<>(name, fields, constructor);
        }
    }
}
