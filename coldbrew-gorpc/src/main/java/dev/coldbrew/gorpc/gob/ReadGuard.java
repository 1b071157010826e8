package dev.coldbrew.gorpc.gob;

import java.io.IOException;

/**
 * Told by a {@link GobDecoder} how reading a stream goes, so that the transport under it can bound what a peer
 * holds: the time a value takes to arrive once it has started, and the memory of the messages being buffered.
 * Called on the decoder's thread; a method that throws fails the read in progress.
 */
public interface ReadGuard {
    /** The guard of a decoder that reads without bounds beyond its {@link GobLimits}. */
    ReadGuard NONE = new ReadGuard() {};

    /** The first byte of a value has arrived: its type definitions and its message follow. */
    default void valueStarted() throws IOException {}

    /**
     * A message of {@code bytes} (within {@link GobLimits#maxMessageBytes()}) is about to be buffered: may wait,
     * or throw to refuse it.
     */
    default void buffering(int bytes) throws IOException {}
}
