package dev.coldbrew.bridge.jnigo;

/**
 * The native methods of the Go library {@code libcoldbrew-jni-go.so} (built from {@code src/main/go} with
 * {@code go build -buildmode=c-shared}): the seed's {@code start()}, {@code readRequest()} and
 * {@code writeResponse(...)}, with the event's metadata and an error reply added. Go serves Lambda's go1.x
 * protocol with its own {@code net/rpc} on a goroutine and hands each {@code Function.Invoke} over a channel.
 *
 * <p>Every invoke read must be answered exactly once, by its {@link BridgeRequest#id()}: answering an invoke that
 * is not pending, or reading a second one before answering the first, throws {@link IllegalStateException}.
 */
final class GoBridge {
    private GoBridge() {}

    /**
     * Binds {@code 127.0.0.1:port} and serves {@code Function.Ping} and {@code Function.Invoke} from then on;
     * replies over {@code maxReplyBytes} become error replies.
     *
     * @return null when serving, else why not (e.g. the port is in use)
     */
    static native String start(int port, int maxReplyBytes);

    /**
     * Blocks until an invoke arrives (on a Go channel) and returns it, or null once {@link #stop()} was called
     * (also when called after it).
     *
     * @throws IllegalStateException when the previous invoke is still unanswered
     */
    static native BridgeRequest readRequest();

    /**
     * Answers invoke {@code id} with {@code payload} (copied once into Go memory).
     *
     * @throws IllegalStateException when invoke {@code id} is not waiting for an answer
     */
    static native void writeResponse(long id, byte[] payload);

    /**
     * Answers invoke {@code id} with go1.x's {@code InvokeResponse_Error}: Java stack trace lines
     * ({@code label(path:line)}) become {@code {Path, Line, Label}} frames.
     *
     * @throws IllegalStateException when invoke {@code id} is not waiting for an answer
     */
    static native void writeError(long id, String message, String type, String[] stackTrace, boolean shouldExit);

    /**
     * Stops serving: closes the port and every connection; a blocked {@link #readRequest()} returns null, and
     * {@link #start} may be called again.
     */
    static native void stop();
}
