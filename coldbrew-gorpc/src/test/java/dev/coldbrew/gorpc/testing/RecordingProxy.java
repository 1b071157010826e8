package dev.coldbrew.gorpc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy for one connection that records the bytes of each direction before forwarding them, as the
 * Go program that captured the vectors recorded its connection.
 */
public final class RecordingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final ByteArrayOutputStream upstream = new ByteArrayOutputStream();
    private final ByteArrayOutputStream downstream = new ByteArrayOutputStream();
    private final Thread acceptor;
    private volatile Socket client;
    private volatile Socket server;

    public RecordingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** The bytes client → server since the last call, and clears them. */
    public byte[] takeUpstream() {
        return take(upstream);
    }

    /** The bytes server → client since the last call, and clears them. */
    public byte[] takeDownstream() {
        return take(downstream);
    }

    private void accept() {
        try {
            client = listener.accept();
            server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            Thread.ofVirtual().start(() -> pump(client, server, upstream));
            pump(server, client, downstream);
        } catch (IOException e) {
            // closed by the test
        }
    }

    private static void pump(Socket from, Socket to, ByteArrayOutputStream record) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                synchronized (record) {
                    record.write(buf, 0, n);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // the other side closed
        }
    }

    private static byte[] take(ByteArrayOutputStream record) {
        synchronized (record) {
            byte[] out = record.toByteArray();
            record.reset();
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        acceptor.interrupt();
    }
}
