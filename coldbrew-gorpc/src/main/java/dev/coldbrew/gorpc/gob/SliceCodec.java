package dev.coldbrew.gorpc.gob;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Go slice as a Java {@link List}: a count, then every element (zero elements included, no deltas). An
 * empty list is omitted as a struct field. Element lists are never pre-sized from an untrusted count beyond
 * {@link #MAX_INITIAL_CAPACITY}.
 */
public final class SliceCodec<E> extends GobCodec<List<E>> {
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final String name;
    private final GobCodec<E> element;

    /**
     * @param name the name sent in the type definition, e.g. {@code []*messages.InvokeResponse_Error_StackFrame}
     * @param element the element codec; use {@link StructCodec#pointer()} for {@code []*T}
     */
    public SliceCodec(String name, GobCodec<E> element) {
        this.name = name;
        this.element = element;
    }

    @Override
    public String goType() {
        return name.isEmpty() ? "[]" + element.goType() : name;
    }

    @Override
    boolean isZero(List<E> value) {
        return value.isEmpty();
    }

    @Override
    List<E> zero() {
        return List.of();
    }

    @Override
    void write(GobOutput out, List<E> value) {
        out.writeUint(value.size());
        for (int i = 0; i < value.size(); i++) {
            E item = value.get(i);
            if (item == null) {
                throw new IllegalArgumentException(
                        "gob: encode " + goType() + " failed: element " + i + " is nil, which gob cannot encode");
            }
            element.write(out, item);
        }
    }

    @Override
    ValueReader<List<E>> reader(RemoteTypes types, int remoteId, String target, long offset) throws GobException {
        if (!(types.get(remoteId) instanceof WireType.Slice remote)) {
            throw mismatch(types, remoteId, target, offset);
        }
        ValueReader<E> read = element.reader(types, remote.elem(), target + "[]", offset);
        int maxElements = types.limits().maxSliceElements();
        return in -> {
            long at = in.offset();
            int count = in.readCount(goType());
            if (count > maxElements) {
                throw new GobException("gob: decode " + target + " at offset " + at + " failed: " + count
                        + " elements exceed the limit of " + maxElements);
            }
            List<E> out = new ArrayList<>(Math.min(count, MAX_INITIAL_CAPACITY));
            for (int i = 0; i < count; i++) {
                out.add(read.read(in));
            }
            return Collections.unmodifiableList(out);
        };
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
        element.allocate(ids);
        return ids.assign(this);
    }

    @Override
    void writeDefinition(GobOutput out, TypeIdAllocator ids) {
        out.writeUint(2); // wireType field 1: SliceT
        out.writeUint(1); // sliceType field 0: CommonType
        WireTypeWriter.writeCommon(out, name, ids.idOf(this));
        out.writeUint(1); // sliceType field 1: Elem
        out.writeInt(ids.idOf(element));
        out.writeUint(0);
        out.writeUint(0);
    }

    @Override
    List<GobCodec<?>> components() {
        return List.of(element);
    }
}
