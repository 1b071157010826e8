/** coldbrew's runtime, as its users see it: handler forms, {@link dev.coldbrew.runtime.Context}, codecs, configuration, and the entry points {@link dev.coldbrew.runtime.LambdaRuntime} (explicit registration) and {@link dev.coldbrew.runtime.Main} ({@code _HANDLER}). {@link dev.coldbrew.runtime.HandlerInvoker} runs handlers for any transport. */
package dev.coldbrew.runtime;
