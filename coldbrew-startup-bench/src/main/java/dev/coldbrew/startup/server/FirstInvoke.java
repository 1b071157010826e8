package dev.coldbrew.startup.server;

/**
 * When the first invoke's milestones happened ({@link System#nanoTime()}), as seen by the fake Runtime API: the
 * first {@code GET /next} arriving, its event fully sent, and the function's {@code POST /response} fully read.
 */
public record FirstInvoke(long firstNextNanos, long eventSentNanos, long responseNanos, byte[] response) {}
