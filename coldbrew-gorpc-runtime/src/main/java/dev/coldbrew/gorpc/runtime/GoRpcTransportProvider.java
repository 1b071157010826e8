package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.runtime.spi.Go1xTransportProvider;
import dev.coldbrew.runtime.spi.Invoker;
import dev.coldbrew.runtime.spi.Transport;
import java.io.IOException;

/**
 * Lambda's go1.x protocol for coldbrew's runtime, in pure Java: registered in {@code META-INF/services}, so a
 * function with coldbrew-gorpc-runtime on its class path answers {@code Function.Ping} and {@code Function.Invoke}
 * on {@code 127.0.0.1:$_LAMBDA_SERVER_PORT} when Lambda sets that variable, with the same handler as on the Runtime
 * API. The default go1.x transport.
 */
public final class GoRpcTransportProvider extends Go1xTransportProvider {
    /** The value of {@code COLDBREW_TRANSPORT} that names this transport (it is also the default for go1.x). */
    public static final String NAME = "gorpc";

    /** Public and without arguments, for {@link java.util.ServiceLoader}. */
    public GoRpcTransportProvider() {
        super(NAME, true);
    }

    @Override
    public Transport start(int port, Invoker invoker) throws IOException {
        return GoRpcTransport.start(new GoRpcFunctionServer.Config(port), invoker);
    }
}
