/** {@code _HANDLER} resolution at init: class loading, instantiation, handler methods, codec lookup. The only reflection in the runtime. */
package dev.coldbrew.runtime.handler;
