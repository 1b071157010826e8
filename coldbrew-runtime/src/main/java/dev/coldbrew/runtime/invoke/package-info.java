/** Handler invocation independent of the transport: the per-invocation Context, adapters between handler forms, error bodies. */
package dev.coldbrew.runtime.invoke;
