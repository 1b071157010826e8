package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.StructCodec;

/** {@code messages.PingResponse{}}: the reply of {@code Function.Ping}. */
public record PingResponse() {
    public static final PingResponse INSTANCE = new PingResponse();

    public static final StructCodec<PingResponse> GOB =
            StructCodec.builder("PingResponse", PingResponse.class).build(v -> INSTANCE);
}
