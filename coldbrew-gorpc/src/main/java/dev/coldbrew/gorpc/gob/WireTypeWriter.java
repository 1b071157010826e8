package dev.coldbrew.gorpc.gob;

/** The parts of a type definition shared by struct and slice definitions. */
final class WireTypeWriter {
    private WireTypeWriter() {}

    /** {@code CommonType{Name, Id}}; an empty name is omitted like any zero field. */
    static void writeCommon(GobOutput out, String name, int id) {
        if (name.isEmpty()) {
            out.writeUint(2);
        } else {
            out.writeUint(1);
            out.writeString(name);
            out.writeUint(1);
        }
        out.writeInt(id);
        out.writeUint(0);
    }

    /** {@code fieldType{Name, Id}}. */
    static void writeField(GobOutput out, String name, int id) {
        out.writeUint(1);
        out.writeString(name);
        out.writeUint(1);
        out.writeInt(id);
        out.writeUint(0);
    }
}
