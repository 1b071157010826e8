/**
 * The Lambda side of the Runtime API: one server core ({@link dev.coldbrew.runtime.api.server.RuntimeApiServer})
 * with Lambda's routes, invocation state and wording, behind the local Lambda, the fake Runtime API and the
 * start-up bench, on coldbrew's HTTP/1.1 server ({@link dev.coldbrew.runtime.api.server.Http11Server}), which also
 * carries the local Lambda's Invoke API and API Gateway routes. Never loaded by a function: the client side is
 * {@code dev.coldbrew.runtime.api}.
 */
package dev.coldbrew.runtime.api.server;
