/**
 * coldbrew's runtime, as its users see it: handler forms, {@link dev.coldbrew.runtime.Context}, codecs, function
 * configuration, and the entry points {@link dev.coldbrew.runtime.LambdaRuntime} (explicit registration) and
 * {@link dev.coldbrew.runtime.Main} ({@code _HANDLER}). The engine behind them (packages {@code loop},
 * {@code invoke}, {@code handler}, {@code aws}, {@code logging}) is not exported; transports use
 * {@link dev.coldbrew.runtime.spi}.
 */
package dev.coldbrew.runtime;
