package dev.coldbrew.runtime.spi;

/**
 * What a {@link TransportProvider} hands each invocation to: the function's handler behind coldbrew's error
 * classification. Thread-safe; {@link #invoke} never throws.
 */
@FunctionalInterface
public interface Invoker {
    /**
     * Runs {@code invocation} through the handler. A handler exception becomes a {@link Outcome.Failure} (the
     * transport reports it and goes on); an {@link OutOfMemoryError} becomes a fatal one (the transport reports it
     * and the process exits).
     */
    Outcome invoke(Invocation invocation);
}
