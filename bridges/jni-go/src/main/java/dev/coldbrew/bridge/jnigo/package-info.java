/**
 * The seed's bridge: a Go shared library ({@code go build -buildmode=c-shared}, sources in {@code src/main/go})
 * serves Lambda's go1.x protocol with Go's own {@code net/rpc} and hands each event to Java over JNI
 * ({@link dev.coldbrew.bridge.jnigo.GoBridge}); {@link dev.coldbrew.bridge.jnigo.JniGoTransportProvider} makes it a
 * transport of coldbrew's runtime, selected by {@code COLDBREW_TRANSPORT=jni-go} with {@code _LAMBDA_SERVER_PORT}.
 */
package dev.coldbrew.bridge.jnigo;
