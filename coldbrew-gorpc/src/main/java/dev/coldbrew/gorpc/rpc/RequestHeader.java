package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.util.Objects;

/**
 * net/rpc's {@code Request{ServiceMethod string; Seq uint64}} (Go {@code src/net/rpc/server.go}), sent
 * before every call's argument.
 *
 * @param serviceMethod {@code "Service.Method"}
 * @param seq the call's sequence number, unsigned
 */
public record RequestHeader(String serviceMethod, long seq) {
    public static final StructCodec<RequestHeader> GOB = StructCodec.builder("Request", RequestHeader.class)
            .field("ServiceMethod", GobScalars.STRING, RequestHeader::serviceMethod)
            .field("Seq", GobScalars.UINT, RequestHeader::seq)
            .build(v -> new RequestHeader(v.get(0), v.get(1)));

    public RequestHeader {
        Objects.requireNonNull(serviceMethod, "serviceMethod");
    }
}
