/**
 * coldbrew's Lambda runtime. Exported: the API functions are written against ({@code dev.coldbrew.runtime}:
 * handlers, {@code Context}, codecs, {@code LambdaRuntime}, {@code Main}) and the SPI transports implement
 * ({@code dev.coldbrew.runtime.spi}: {@code TransportProvider}, {@code Transport}, {@code Invoker},
 * {@code Invocation}, {@code Outcome}). Not exported, so not API: the engine ({@code loop}: configuration,
 * bootstrap, invoke loop; {@code invoke}: the handler invoker, error reports; {@code handler}: {@code _HANDLER}
 * resolution; {@code aws}: aws-lambda-java-core compatibility; {@code binding}: what both bind a handler with;
 * {@code logging}).
 *
 * <p>Functions normally run it on the class path (Lambda's {@code java -cp}, AOT caches, native images), where this
 * descriptor is ignored; on the module path the handler's module must be readable by and open to this one for
 * {@code _HANDLER} resolution, as for any reflective framework.
 */
@SuppressWarnings("requires-automatic")
module dev.coldbrew.runtime {
    requires transitive dev.coldbrew.runtime.api;
    // Only for running unchanged RequestHandler/RequestStreamHandler classes; never required.
    requires static aws.lambda.java.core;

    exports dev.coldbrew.runtime;
    exports dev.coldbrew.runtime.spi;

    uses dev.coldbrew.runtime.CodecProvider;
    uses dev.coldbrew.runtime.spi.TransportProvider;
}
