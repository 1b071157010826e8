/**
 * Handler invocation independent of the transport: {@code HandlerInvoker} (the one classification of handler
 * failures, buffered or streamed), the per-invocation Context, error bodies, the X-Ray trace property.
 */
package dev.coldbrew.runtime.invoke;
