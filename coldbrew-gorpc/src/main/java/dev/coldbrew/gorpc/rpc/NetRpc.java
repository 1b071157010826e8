package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.StructCodec;

/** The wire constants of Go's net/rpc with the gob codec ({@code src/net/rpc/server.go}, Go 1.19). */
public final class NetRpc {
    private NetRpc() {}

    /** The empty body sent after an error reply: Go's {@code invalidRequest = struct{}{}}, an unnamed type. */
    public static final StructCodec<Empty> INVALID_REQUEST =
            StructCodec.builder("", Empty.class).build(v -> Empty.INSTANCE);

    /** A Go {@code struct{}} value. */
    public enum Empty {
        INSTANCE
    }

    /** The error net/rpc replies for a method it does not serve (vector 06-unknown-method). */
    public static String cantFindMethod(String serviceMethod) {
        return "rpc: can't find method " + serviceMethod;
    }

    /** The error for an unknown service (the part before the last dot). */
    public static String cantFindService(String serviceMethod) {
        return "rpc: can't find service " + serviceMethod;
    }

    /** The error for a name without a dot. */
    public static String illFormed(String serviceMethod) {
        return "rpc: service/method request ill-formed: " + serviceMethod;
    }
}
