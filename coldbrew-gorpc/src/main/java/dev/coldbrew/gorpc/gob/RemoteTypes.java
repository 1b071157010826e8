package dev.coldbrew.gorpc.gob;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The type definitions received on one gob stream (one direction of one connection), as Go's decoder keeps
 * them ({@code Decoder.wireType}). Ids are whatever the peer chose; nothing is assumed.
 */
final class RemoteTypes {
    private final GobLimits limits;
    private final Map<Integer, WireType> types = new HashMap<>();
    /** The ids checked so far, each with how many levels of user types its values nest (scalars are 0). */
    private final Map<Integer, Integer> depths = new HashMap<>();

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
     * the limit. Done once per id, when its first value arrives (definitions may refer forward); the depth of
     * each checked id is kept, so a type built on types checked for earlier values is held to the limit as a
     * whole, not batch by batch.
     */
    void verify(int id, long offset) throws GobException {
        if (!depths.containsKey(id)) {
            visit(id, new ArrayDeque<>(), offset);
        }
    }

    /** Returns the depth of {@code id}: 0 for a scalar, else one more than its deepest component. */
    private int visit(int id, Deque<Integer> path, long offset) throws GobException {
        if (isScalar(id)) {
            return 0;
        }
        String operation = "gob: check type id " + (path.isEmpty() ? id : path.peekLast()) + " at offset " + offset;
        Integer checked = depths.get(id);
        if (checked != null) {
            if (path.size() + checked > limits.maxTypeDepth()) {
                throw new GobException(operation + " failed: types nested deeper than " + limits.maxTypeDepth()
                        + " (" + (path.size() + checked) + " levels, " + checked + " of them through type id " + id
                        + ", checked for an earlier value)");
            }
            return checked;
        }
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
        int deepest = 0;
        for (int component : type.components()) {
            deepest = Math.max(deepest, visit(component, path, offset));
        }
        path.removeFirst();
        depths.put(id, deepest + 1);
        return deepest + 1;
    }
}
