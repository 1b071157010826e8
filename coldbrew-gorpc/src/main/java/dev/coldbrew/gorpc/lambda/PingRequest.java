package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.StructCodec;

/** {@code messages.PingRequest{}}: the argument of {@code Function.Ping}. */
public record PingRequest() {
    public static final PingRequest INSTANCE = new PingRequest();

    public static final StructCodec<PingRequest> GOB =
            StructCodec.builder("PingRequest", PingRequest.class).build(v -> INSTANCE);
}
