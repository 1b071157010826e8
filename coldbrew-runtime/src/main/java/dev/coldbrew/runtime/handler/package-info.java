/**
 * {@code _HANDLER} resolution at init: class loading, instantiation, handler methods. With {@code binding} (name
 * parsing, generic type arguments, codec lookup, context adapters, which it shares with {@code aws}), the only
 * reflection in the runtime.
 */
package dev.coldbrew.runtime.handler;
