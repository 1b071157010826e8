package dev.coldbrew.gorpc.rpc;

/**
 * A method-level failure: the Go method returned an error. On the server it is sent as
 * {@code Response.Error} (vector 05); on the client it is what a call with a non-empty {@code Error} throws.
 */
public final class RpcMethodException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String serviceMethod;
    private final String remoteError;

    public RpcMethodException(String serviceMethod, String remoteError) {
        super(serviceMethod + " failed: " + remoteError);
        this.serviceMethod = serviceMethod;
        this.remoteError = remoteError;
    }

    public String serviceMethod() {
        return serviceMethod;
    }

    /** The error text exactly as it travels in {@code Response.Error}. */
    public String remoteError() {
        return remoteError;
    }
}
