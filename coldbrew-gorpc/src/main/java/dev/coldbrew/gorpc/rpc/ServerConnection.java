package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobCodec;
import dev.coldbrew.gorpc.gob.GobDecoder;
import dev.coldbrew.gorpc.gob.GobEncoder;
import dev.coldbrew.gorpc.gob.GobLimits;
import dev.coldbrew.gorpc.gob.TypeIdAllocator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server side of one connection: Go's {@code ServeCodec} loop. One reader decodes a request header and
 * its body; each call then runs on a pooled thread (as Go runs each in its own goroutine), so a Ping
 * is answered while an Invoke is still running. Replies are written whole (header, then body, then flush)
 * under a lock and may leave out of order; clients match them by sequence number. When the request stream
 * ends, cleanly or not, replies still in progress are written before the connection closes.
 */
final class ServerConnection {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Socket socket;
    private final Map<String, RpcMethod<?, ?>> methods;
    private final Executor calls;
    private int inFlight; // guarded by this
    private final Object writeLock = new Object();
    private final GobDecoder decoder;
    private final GobEncoder encoder;
    private final BufferedOutputStream out;

    ServerConnection(
            Socket socket, Map<String, RpcMethod<?, ?>> methods, GobLimits limits, TypeIdAllocator ids, Executor calls)
            throws IOException {
        this.calls = calls;
        this.socket = socket;
        this.methods = methods;
        this.decoder = new GobDecoder(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES), limits);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
        this.encoder = new GobEncoder(out, ids);
    }

    /**
     * Serves calls until the peer closes the connection between calls; any other end of the request stream is
     * an exception. Either way the calls already read are answered first, as Go's {@code ServeCodec} waits
     * for them before closing the codec.
     */
    void run() throws IOException {
        try {
            readCalls();
        } finally {
            awaitCallsInFlight();
        }
    }

    private void readCalls() throws IOException {
        while (true) {
            RequestHeader request;
            try {
                request = decoder.decode(RequestHeader.GOB);
            } catch (EOFException e) {
                return;
            }
            RpcMethod<?, ?> method = methods.get(request.serviceMethod());
            if (method == null) {
                decoder.skip();
                replyError(request, lookupError(request.serviceMethod()));
            } else {
                call(request, method);
            }
        }
    }

    private <A, R> void call(RequestHeader request, RpcMethod<A, R> method) throws IOException {
        A argument = decoder.decode(method.argument());
        callStarted();
        try {
            calls.execute(() -> {
                try {
                    respond(request, method, argument);
                } finally {
                    callFinished();
                }
            });
        } catch (RejectedExecutionException e) {
            callFinished();
            throw new IOException("rpc: server closed before " + request.serviceMethod() + " could run", e);
        }
    }

    private <A, R> void respond(RequestHeader request, RpcMethod<A, R> method, A argument) {
        try {
            answer(request, method, argument);
        } catch (RuntimeException e) {
            // The reply could not be encoded (a handler bug); the stream may hold half a reply, so end it.
            log().log(
                            System.Logger.Level.ERROR,
                            "gorpc reply to " + request.serviceMethod() + " could not be encoded",
                            e);
            closeSocket();
        } catch (IOException e) {
            log().log(
                            System.Logger.Level.WARNING,
                            "gorpc reply to " + request.serviceMethod() + " (seq "
                                    + Long.toUnsignedString(request.seq()) + ") to " + socket.getRemoteSocketAddress()
                                    + " failed: "
                                    + e.getMessage());
            closeSocket();
        }
    }

    private <A, R> void answer(RequestHeader request, RpcMethod<A, R> method, A argument) throws IOException {
        R reply;
        try {
            reply = method.handler().call(argument);
        } catch (RpcMethodException e) {
            replyError(request, e.remoteError());
            return;
        } catch (RuntimeException e) {
            // A Go method that panics takes its process down; a Java handler's bug only fails its call.
            log().log(System.Logger.Level.ERROR, "gorpc method " + request.serviceMethod() + " threw", e);
            replyError(request, "rpc: method " + request.serviceMethod() + " threw " + e);
            return;
        }
        reply(new ResponseHeader(request.serviceMethod(), request.seq(), ""), method.reply(), reply);
    }

    private String lookupError(String serviceMethod) {
        int dot = serviceMethod.lastIndexOf('.');
        if (dot < 0) {
            return NetRpc.illFormed(serviceMethod);
        }
        String service = serviceMethod.substring(0, dot + 1);
        for (String name : methods.keySet()) {
            if (name.startsWith(service)) {
                return NetRpc.cantFindMethod(serviceMethod);
            }
        }
        return NetRpc.cantFindService(serviceMethod);
    }

    private void replyError(RequestHeader request, String error) throws IOException {
        reply(
                new ResponseHeader(request.serviceMethod(), request.seq(), error),
                NetRpc.INVALID_REQUEST,
                NetRpc.Empty.INSTANCE);
    }

    private <R> void reply(ResponseHeader header, GobCodec<R> codec, R body) throws IOException {
        synchronized (writeLock) {
            encoder.encode(ResponseHeader.GOB, header);
            encoder.encode(codec, body);
            out.flush();
        }
    }

    private synchronized void callStarted() {
        inFlight++;
    }

    private synchronized void callFinished() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    private synchronized void awaitCallsInFlight() {
        try {
            while (inFlight > 0) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looked up on the first failure only (see {@link RpcServer}). */
    private static System.Logger log() {
        return System.getLogger(ServerConnection.class.getName());
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "gorpc: closing " + socket + " failed: " + e.getMessage());
        }
    }
}
