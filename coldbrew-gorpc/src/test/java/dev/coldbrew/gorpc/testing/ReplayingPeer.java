package dev.coldbrew.gorpc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the Go server of a capture over real TCP: for each exchange it reads as many bytes as the Go client
 * wrote (recording them), then writes what the Go server wrote.
 */
public final class ReplayingPeer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Socket socket;

    public ReplayingPeer(List<GobVectors.Exchange> exchanges) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = Thread.ofVirtual().start(() -> play(exchanges));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** What the client wrote, one entry per exchange played so far. */
    public List<byte[]> received() {
        return List.copyOf(received);
    }

    private void play(List<GobVectors.Exchange> exchanges) {
        try (Socket s = listener.accept()) {
            socket = s;
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (GobVectors.Exchange exchange : exchanges) {
                received.add(in.readNBytes(exchange.clientToServer().length));
                out.write(exchange.serverToClient());
                out.flush();
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        if (socket != null) {
            socket.close();
        }
        thread.interrupt();
    }
}
