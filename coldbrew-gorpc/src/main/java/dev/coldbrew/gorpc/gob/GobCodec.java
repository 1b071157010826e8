package dev.coldbrew.gorpc.gob;

import java.util.List;

/**
 * How one Java type maps to a gob type, written by hand instead of found by reflection. Encoders use it to
 * write definitions and values; decoders compile it against whatever type the peer defined, matching struct
 * fields by name and checking wire kinds as Go does.
 *
 * <p>Instances: {@link GobScalars} for the predefined types, {@link StructCodec} for structs (and
 * {@link StructCodec#pointer()} for nil-able pointers to them), {@link SliceCodec} for slices.
 */
public abstract sealed class GobCodec<T> permits ScalarCodec, StructCodec, SliceCodec, PointerCodec {
    GobCodec() {}

    /** The Go type this codec stands for, for error messages. */
    public abstract String goType();

    /** True when a struct field holding this value is omitted on the wire (Go's zero-value rule). */
    abstract boolean isZero(T value);

    /** The value of a struct field the peer did not send. */
    abstract T zero();

    /** Writes the value itself (no field delta). */
    abstract void write(GobOutput out, T value);

    /** Compiles a reader for values of remote type {@code remoteId}, or fails naming both types. */
    abstract ValueReader<T> reader(RemoteTypes types, int remoteId, String target, long offset) throws GobException;

    /** The predefined wire id, or 0 for a type that must be defined on the stream. */
    abstract int builtinId();

    /** The codec whose definition is sent for this one (a pointer sends its struct's). */
    GobCodec<?> definedType() {
        return this;
    }

    /** Gives this type and its components ids in Go's order; returns this type's id. */
    abstract int allocate(TypeIdAllocator ids);

    /** Writes the {@code wireType} of this user type; component ids are already allocated. */
    void writeDefinition(GobOutput out, TypeIdAllocator ids) {
        throw new IllegalStateException(goType() + " is predefined and has no definition");
    }

    /** The component types whose definitions follow this one's, in Go's order. */
    List<GobCodec<?>> components() {
        return List.of();
    }

    /** True for structs, which are sent at top level without the singleton field delta. */
    boolean isStruct() {
        return false;
    }

    GobException mismatch(RemoteTypes types, int remoteId, String target, long offset) {
        return new GobException("gob: decode " + target + " at offset " + offset + " failed: wrong type, local "
                + goType() + " cannot take remote type id " + remoteId + " (" + types.describe(remoteId) + ")");
    }
}
