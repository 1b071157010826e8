package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.rpc.ConnectCheck;
import dev.coldbrew.gorpc.rpc.RefusedConnectionException;
import dev.coldbrew.gorpc.rpc.RpcClient;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The Lambda side of the go1.x protocol, as Lambda's go1.x runtime and its public mocks do it
 * ({@code lambci/docker-lambda} {@code aws-lambda-mock.go}, aws-lambda-go {@code entry_with_rpc_test.go}):
 * dial the function's port every {@link #DIAL_RETRY_INTERVAL} until it accepts, call {@code Function.Ping}
 * until it answers, then {@code Function.Invoke} once per event on the same connection.
 *
 * <p>Failure classes: a handler failure arrives as {@link InvokeResponse#error()}; an rpc-level error
 * ({@code Response.Error}) throws {@link RpcMethodException}; a transport failure or timeout throws
 * {@link IOException} and closes the connection (the function must then be restarted).
 */
public final class GoRpcFunctionClient implements AutoCloseable {
    /** The mocks retry the dial every 5 ms. */
    public static final Duration DIAL_RETRY_INTERVAL = Duration.ofMillis(5);

    private final RpcClient client;

    private GoRpcFunctionClient(RpcClient client) {
        this.client = client;
    }

    /** Dials {@code 127.0.0.1:port} and pings until the function answers, or fails after {@code readyTimeout}. */
    public static GoRpcFunctionClient connect(int port, Duration readyTimeout)
            throws IOException, InterruptedException {
        return connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), readyTimeout);
    }

    public static GoRpcFunctionClient connect(InetSocketAddress address, Duration readyTimeout)
            throws IOException, InterruptedException {
        return connect(address, readyTimeout, ConnectCheck.ANY);
    }

    /**
     * As {@link #connect(InetSocketAddress, Duration)}, with {@code check} judging each connection's peer before the
     * ping: a refused peer ends the attempts at once ({@link RefusedConnectionException}), since the port is taken.
     */
    public static GoRpcFunctionClient connect(InetSocketAddress address, Duration readyTimeout, ConnectCheck check)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        Exception last = null;
        int attempts = 0;
        while (true) {
            attempts++;
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new IOException(
                        "go1.x: function at " + address + " not ready within " + readyTimeout.toMillis() + " ms after "
                                + attempts + " attempts; last error: " + (last == null ? "none" : last.getMessage()),
                        last);
            }
            RpcClient client = null;
            try {
                client = RpcClient.connect(address, left, check);
                client.call(FunctionService.PING, PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, left);
                return new GoRpcFunctionClient(client);
            } catch (RpcMethodException e) {
                client.close();
                // It answers, but not as a go1.x function: retrying cannot help.
                throw new IOException(
                        "go1.x: function at " + address + " answered " + FunctionService.PING + " with an rpc error: "
                                + e.remoteError(),
                        e);
            } catch (RefusedConnectionException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                if (client != null) {
                    client.close();
                }
            }
            Thread.sleep(DIAL_RETRY_INTERVAL);
        }
    }

    /** Calls {@code Function.Ping} once. */
    public void ping(Duration timeout) throws IOException, RpcMethodException {
        client.call(FunctionService.PING, PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, timeout);
    }

    /**
     * Calls {@code Function.Invoke} and waits up to {@code timeout} (zero = no limit).
     *
     * @throws RpcMethodException if the function replied with an rpc-level error
     * @throws IOException if the connection failed or timed out; it is then closed
     */
    public InvokeResponse invoke(InvokeRequest request, Duration timeout) throws IOException, RpcMethodException {
        Objects.requireNonNull(request, "request");
        return client.call(FunctionService.INVOKE, InvokeRequest.GOB, request, InvokeResponse.GOB, timeout);
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
