/**
 * Lambda's legacy go1.x protocol in pure Java: Go's gob encoding and net/rpc, no dependencies, no reflection.
 *
 * <ul>
 *   <li>{@link dev.coldbrew.gorpc.gob}: the codec. Typed codecs written by hand, stream decoders and encoders
 *       with per-stream type registries, limits for untrusted input.
 *   <li>{@link dev.coldbrew.gorpc.rpc}: net/rpc framing over gob: request and response headers, a server and
 *       a client.
 *   <li>{@link dev.coldbrew.gorpc.lambda}: the go1.x messages ({@code Function.Ping}, {@code Function.Invoke}),
 *       the function-side server and the Lambda-side client.
 * </ul>
 *
 * Wire facts come from Go 1.19's {@code encoding/gob} and {@code net/rpc} and from aws-lambda-go's
 * {@code lambda/messages}; tests replay bytes captured from Go and talk to real Go programs.
 */
package dev.coldbrew.gorpc;
