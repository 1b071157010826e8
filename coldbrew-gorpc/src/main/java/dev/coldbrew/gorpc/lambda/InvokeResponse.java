package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code messages.InvokeResponse{Payload []byte; Error *InvokeResponse_Error}}: the reply of
 * {@code Function.Invoke}. A handler failure travels here, in {@code error}, not as an rpc error.
 *
 * @param payload the handler's result, empty on failure
 * @param error the failure, or null on success
 */
public record InvokeResponse(byte[] payload, InvokeError error) {
    public static final StructCodec<InvokeResponse> GOB = StructCodec.builder("InvokeResponse", InvokeResponse.class)
            .field("Payload", GobScalars.BYTES, InvokeResponse::payload)
            .field("Error", InvokeError.GOB.pointer(), InvokeResponse::error)
            .build(v -> new InvokeResponse(v.get(0), v.get(1)));

    public InvokeResponse {
        payload = Objects.requireNonNullElse(payload, new byte[0]);
    }

    public static InvokeResponse success(byte[] payload) {
        return new InvokeResponse(payload, null);
    }

    public static InvokeResponse failure(InvokeError error) {
        return new InvokeResponse(new byte[0], Objects.requireNonNull(error, "error"));
    }

    public boolean failed() {
        return error != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvokeResponse o && Arrays.equals(payload, o.payload) && Objects.equals(error, o.error);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + Objects.hashCode(error);
    }

    @Override
    public String toString() {
        return "InvokeResponse[payload=" + payload.length + " bytes, error=" + error + "]";
    }
}
