package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.util.Objects;

/**
 * net/rpc's {@code Response{ServiceMethod string; Seq uint64; Error string}}, sent before every reply body.
 * A non-empty {@code error} means the body is {@link NetRpc#INVALID_REQUEST} and the call failed.
 */
public record ResponseHeader(String serviceMethod, long seq, String error) {
    public static final StructCodec<ResponseHeader> GOB = StructCodec.builder("Response", ResponseHeader.class)
            .field("ServiceMethod", GobScalars.STRING, ResponseHeader::serviceMethod)
            .field("Seq", GobScalars.UINT, ResponseHeader::seq)
            .field("Error", GobScalars.STRING, ResponseHeader::error)
            .build(v -> new ResponseHeader(v.get(0), v.get(1), v.get(2)));

    public ResponseHeader {
        Objects.requireNonNull(serviceMethod, "serviceMethod");
        Objects.requireNonNull(error, "error");
    }

    public boolean failed() {
        return !error.isEmpty();
    }
}
