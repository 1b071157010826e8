package dev.coldbrew.gorpc.gob;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The type definitions received on one gob stream (one direction of one connection), as Go's decoder keeps
 * them ({@code Decoder.wireType}). Ids are whatever the peer chose; nothing is assumed.
 */
final class RemoteTypes {
    private final GobLimits limits;
    private final Map<Integer, WireType> types = new HashMap<>();
    private final Set<Integer> verified = new HashSet<>();

    RemoteTypes(GobLimits limits) {
        this.limits = limits;
    }

    /** Records a definition; rejects reserved ids, redefinitions and too many definitions. */
    void define(int id, WireType type, long offset) throws GobException {
        requireDefinable(id, offset);
        types.put(id, type);
    }

    /** Checked before the definition is parsed, so a reserved or repeated id fails as such. */
    void requireDefinable(int id, long offset) throws GobException {
        if (id < GobTypeIds.FIRST_USER_ID || types.containsKey(id)) {
            throw new GobException("gob: define type id " + id + " at offset " + offset + " failed: duplicate type"
                    + " received ("
                    + (id < GobTypeIds.FIRST_USER_ID ? "reserved id" : "already defined as " + describe(id)) + ")");
        }
        if (types.size() >= limits.maxTypeDefinitions()) {
            throw new GobException("gob: define type id " + id + " at offset " + offset + " failed: more than "
                    + limits.maxTypeDefinitions() + " type definitions on one stream");
        }
    }

    GobLimits limits() {
        return limits;
    }

    /** The definition of a user type id, or null for a predefined id. */
    WireType get(int id) {
        return types.get(id);
    }

    /** Predefined ids that need no definition: the scalars and interface (skipped only when nil). */
    static boolean isScalar(int id) {
        return id >= GobTypeIds.BOOL && id <= GobTypeIds.INTERFACE;
    }

    String describe(int id) {
        WireType type = types.get(id);
        if (type == null) {
            return GobTypeIds.describe(id);
        }
        return type.kind() + (type.name().isEmpty() ? "" : " \"" + type.name() + "\"");
    }

    /**
     * Checks that everything reachable from {@code id} is defined, not recursive and not nested deeper than
     * the limit. Done once per id, when its first value arrives (definitions may refer forward).
     */
    void verify(int id, long offset) throws GobException {
        if (!verified.contains(id)) {
            visit(id, new ArrayDeque<>(), offset);
        }
    }

    private void visit(int id, Deque<Integer> path, long offset) throws GobException {
        if (verified.contains(id) || isScalar(id)) {
            return;
        }
        String operation = "gob: check type id " + (path.isEmpty() ? id : path.peekLast()) + " at offset " + offset;
        WireType type = types.get(id);
        if (type == null) {
            throw new GobException(
                    operation + " failed: " + (path.isEmpty() ? "" : "type id " + path.peekFirst() + " refers to ")
                            + "undefined or unsupported type id " + id + " (" + GobTypeIds.describe(id) + ")");
        }
        if (path.contains(id)) {
            List<Integer> cycle = new ArrayList<>(path);
            Collections.reverse(cycle);
            cycle.add(id);
            throw new GobException(operation + " failed: recursive type definition "
                    + cycle.stream().map(String::valueOf).collect(Collectors.joining(" -> "))
                    + "; recursive types are not supported");
        }
        if (path.size() >= limits.maxTypeDepth()) {
            throw new GobException(operation + " failed: types nested deeper than " + limits.maxTypeDepth());
        }
        path.addFirst(id);
        for (int component : type.components()) {
            visit(component, path, offset);
        }
        path.removeFirst();
        verified.add(id);
    }
}
