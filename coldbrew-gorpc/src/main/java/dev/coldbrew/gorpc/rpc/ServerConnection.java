package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobCodec;
import dev.coldbrew.gorpc.gob.GobDecoder;
import dev.coldbrew.gorpc.gob.GobEncoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * The server side of one connection: Go's {@code ServeCodec} loop. One thread at a time reads a request
 * header and its body. Calls run concurrently, as Go runs each in its own goroutine, so a Ping is answered
 * while an Invoke is still running; but instead of handing each call to another thread, the reader passes
 * the reading on to a pooled thread and runs the call itself (leader/follower), so no reply waits for a
 * thread hand-off. Replies are written whole (header, body, flush) under a lock and may leave out of order;
 * clients match them by sequence number. When the request stream ends, cleanly or not, the calls already
 * read are answered before the connection closes, as Go's {@code ServeCodec} waits for them. A request that has
 * started must arrive whole within the server's request timeout, and its messages are buffered only with bytes
 * of the server's memory budget ({@link RequestGuard}); between requests the connection may stay idle. Any
 * failure of the reader, an {@link Error} included, ends the connection.
 */
final class ServerConnection {
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Calls of one connection running at once; beyond it the connection stops reading until one ends. */
    static final int MAX_CALLS_IN_FLIGHT = 64;

    private final Socket socket;
    private final Map<String, RpcMethod<?, ?>> methods;
    private final Executor threads;
    private final BooleanSupplier serverClosed;
    private final Runnable onEnd;
    private final Object writeLock = new Object();
    private final RequestGuard guard;
    private final MemoryBudget budget;
    private final GobDecoder decoder;
    private final GobEncoder encoder;
    private final BufferedOutputStream out;
    private int inFlight; // guarded by this

    ServerConnection(Socket socket, RpcServer.Settings settings, BooleanSupplier serverClosed, Runnable onEnd)
            throws IOException {
        this.socket = socket;
        this.methods = settings.methods();
        this.threads = settings.threads();
        this.serverClosed = serverClosed;
        this.onEnd = onEnd;
        this.budget = settings.budget();
        this.guard = new RequestGuard(socket, socket.getInputStream(), settings.requestTimeout(), budget);
        this.decoder = new GobDecoder(new BufferedInputStream(guard, BUFFER_BYTES), settings.limits(), guard);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
        this.encoder = new GobEncoder(out, settings.typeIds().get());
    }

    /**
     * Starts reading requests on a pooled thread; the connection closes itself when its stream ends. Returns
     * null, or why no thread could be had (the server is closing, or the process is out of threads: {@code
     * OutOfMemoryError: unable to create native thread}), in which case the connection is closed already.
     */
    Throwable start() {
        try {
            threads.execute(this::read);
            return null;
        } catch (RejectedExecutionException | OutOfMemoryError e) {
            end(null);
            return e;
        }
    }

    /** Reads requests until one needs its handler, then runs that call here while another thread reads on. */
    private void read() {
        try {
            while (true) {
                RequestHeader request;
                try {
                    request = decoder.decode(RequestHeader.GOB);
                } catch (EOFException e) {
                    end(null);
                    return;
                }
                guard.headerRead();
                RpcMethod<?, ?> method = methods.get(request.serviceMethod());
                if (method != null) {
                    if (callHere(request, method)) {
                        return; // another thread reads on
                    }
                    continue;
                }
                decoder.skip();
                budget.give(guard.requestRead());
                replyError(request, lookupError(request.serviceMethod()));
            }
        } catch (IOException | RuntimeException | Error e) {
            end(e); // Errors too (OutOfMemoryError buffering a message): the connection must not outlive its reader
        }
    }

    /**
     * Runs one call on this thread. Returns true if another thread took over reading, false if this one must
     * read on: when {@link #MAX_CALLS_IN_FLIGHT} calls are running (back-pressure on a peer that pipelines
     * without bound) or when the server is closing.
     */
    private <A, R> boolean callHere(RequestHeader request, RpcMethod<A, R> method) throws IOException {
        A argument = decoder.decode(method.argument());
        long held = guard.requestRead();
        boolean handedOff = callStarted() <= MAX_CALLS_IN_FLIGHT && handOffReading();
        try {
            respond(request, method, argument);
        } finally {
            budget.give(held);
            callFinished();
        }
        return handedOff;
    }

    private boolean handOffReading() {
        try {
            threads.execute(this::read);
            return true;
        } catch (RejectedExecutionException | OutOfMemoryError e) {
            // The server is closing (the next read fails on the closed socket), or the process is out of threads:
            // this thread reads on once its call is answered.
            return false;
        }
    }

    /**
     * The last reader: waits for the calls in flight, closes the socket, gives back the memory of the request it
     * was reading, and reports the end.
     */
    private void end(Throwable failure) {
        if (failure != null && !serverClosed.getAsBoolean()) {
            log().log(
                            System.Logger.Level.WARNING,
                            "gorpc connection from " + socket.getRemoteSocketAddress() + " closed: "
                                    + (failure instanceof IOException ? failure.getMessage() : failure.toString()));
        }
        awaitCallsInFlight();
        closeSocket();
        guard.release();
        onEnd.run();
    }

    private <A, R> void respond(RequestHeader request, RpcMethod<A, R> method, A argument) {
        try {
            answer(request, method, argument);
        } catch (RuntimeException | Error e) {
            // The reply could not be encoded (a handler bug, or no memory); the stream may hold half a reply, so end
            // it: the connection's reader then fails and ends the connection.
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
        } catch (RuntimeException | Error e) {
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

    private synchronized int callStarted() {
        return ++inFlight;
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
