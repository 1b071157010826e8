package dev.coldbrew.gorpc.gob;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and discards a value by its remote type: unknown struct fields, and request bodies of unknown
 * methods. Types were verified acyclic and bounded in depth first, so compiling terminates; every count is
 * checked against the bytes left, so skipping does too.
 */
final class ValueSkipper {
    private ValueSkipper() {}

    static ValueReader<Void> of(RemoteTypes types, int id, String target, long offset) throws GobException {
        switch (id) {
            case GobTypeIds.BOOL, GobTypeIds.INT, GobTypeIds.UINT, GobTypeIds.FLOAT -> {
                return in -> {
                    in.readUint();
                    return null;
                };
            }
            case GobTypeIds.BYTES, GobTypeIds.STRING -> {
                return in -> {
                    in.skipCounted(GobTypeIds.describe(id));
                    return null;
                };
            }
            case GobTypeIds.COMPLEX -> {
                return in -> {
                    in.readUint();
                    in.readUint();
                    return null;
                };
            }
            case GobTypeIds.INTERFACE -> {
                return in -> skipNilInterface(in, target);
            }
            default -> {
                return ofUserType(types, id, target, offset);
            }
        }
    }

    /** A nil interface is just an empty concrete-type name; a non-nil one carries types coldbrew does not map. */
    private static Void skipNilInterface(GobInput in, String target) throws GobException {
        long at = in.offset();
        String concrete = in.readString();
        if (!concrete.isEmpty()) {
            throw new GobException("gob: skip " + target + " at offset " + at + " failed: interface value (type id "
                    + GobTypeIds.INTERFACE + ") of concrete type \"" + concrete + "\" is not supported");
        }
        return null;
    }

    private static ValueReader<Void> ofUserType(RemoteTypes types, int id, String target, long offset)
            throws GobException {
        WireType type = types.get(id);
        if (type == null) {
            throw new GobException("gob: skip " + target + " at offset " + offset + " failed: type id " + id + " ("
                    + GobTypeIds.describe(id) + ") is undefined or unsupported");
        }
        return switch (type) {
            case WireType.Struct s -> struct(types, id, s, target, offset);
            case WireType.Slice s -> repeated(of(types, s.elem(), target, offset), null, type.kind());
            case WireType.Array a -> repeated(of(types, a.elem(), target, offset), null, type.kind());
            case WireType.Map m ->
                repeated(of(types, m.key(), target, offset), of(types, m.elem(), target, offset), type.kind());
            case WireType.Opaque o ->
                in -> {
                    in.skipCounted(o.marshaler());
                    return null;
                };
        };
    }

    private static ValueReader<Void> repeated(ValueReader<Void> first, ValueReader<Void> second, String kind) {
        return in -> {
            int count = in.readCount(kind);
            for (int i = 0; i < count; i++) {
                first.read(in);
                if (second != null) {
                    second.read(in);
                }
            }
            return null;
        };
    }

    private static ValueReader<Void> struct(RemoteTypes types, int id, WireType.Struct s, String target, long offset)
            throws GobException {
        List<ValueReader<Void>> fields = new ArrayList<>(s.fields().size());
        for (WireType.Field f : s.fields()) {
            fields.add(of(types, f.typeId(), target + "." + f.name(), offset));
        }
        return in -> {
            int field = -1;
            for (long delta = in.readUint(); delta != 0; delta = in.readUint()) {
                if (delta < 0 || delta > fields.size() - 1 - field) {
                    throw in.error(
                            "skip " + target + " (type id " + id + ")",
                            "field numbers out of bounds, delta " + Long.toUnsignedString(delta) + " after field "
                                    + field + " of " + fields.size());
                }
                field += (int) delta;
                fields.get(field).read(in);
            }
            return null;
        };
    }
}
