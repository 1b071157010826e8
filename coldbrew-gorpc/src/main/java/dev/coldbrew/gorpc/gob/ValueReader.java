package dev.coldbrew.gorpc.gob;

/** Reads one value of a known remote type; compiled once per (local codec, remote type id) on a stream. */
@FunctionalInterface
interface ValueReader<T> {
    T read(GobInput in) throws GobException;
}
