/**
 * What binds a handler to coldbrew at init, shared by {@code handler} (coldbrew's handler types and plain methods)
 * and {@code aws} (aws-lambda-java-core's): the parsed {@code _HANDLER} name, the concrete type arguments of a
 * generic handler interface, codec lookup and the context a handler method takes. It uses neither package, so the
 * dependency runs one way: {@code handler} on {@code aws} on {@code binding}.
 */
package dev.coldbrew.runtime.binding;
