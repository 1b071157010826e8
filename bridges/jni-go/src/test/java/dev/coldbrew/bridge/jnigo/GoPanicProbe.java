package dev.coldbrew.bridge.jnigo;

/**
 * A Go panic on demand: the native method exists only in the test variant of the library
 * ({@code -tags coldbrew_bridge_test}, {@code src/main/go/testhooks.go}).
 */
final class GoPanicProbe {
    private GoPanicProbe() {}

    /** Panics on a new goroutine and waits for it; the panic ends the process. */
    static native void panicOnAGoroutine();
}
