package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.loop.Bootstrap;
import dev.coldbrew.runtime.loop.Config;
import dev.coldbrew.runtime.loop.HandlerInit;
import java.util.Map;

/**
 * The entry point for functions that register their handler explicitly, from {@code main}: no reflection, no
 * class-path scanning, nothing loaded that the handler does not use.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     LambdaRuntime.run((event, context) -> event);
 * }
 * }</pre>
 *
 * <p>{@code run} reads {@code System.getenv()} once into a validated configuration, then serves invocations
 * forever. It returns only by exiting the process with a non-zero {@link ExitStatus}: after reporting an init
 * failure to {@code /init/error}, when the Runtime API fails (connection lost, HTTP 500), or after an
 * {@link OutOfMemoryError} in the handler. A handler that also implements {@link SnapStartHooks} gets them
 * called around SnapStart snapshots. The overloads with a {@link Priming} run the handler on sample events during
 * Init, before the first event (see there; {@code COLDBREW_PRIMING} does it for functions that pass none). The
 * {@code Map} overloads return the status instead of exiting, for tests and for embedding.
 */
public final class LambdaRuntime {
    private LambdaRuntime() {}

    /** Serves invocations with a bytes handler; responses are sent as {@code application/json}. */
    public static void run(BytesHandler handler) {
        exit(run(System.getenv(), handler));
    }

    /** As {@link #run(BytesHandler)}, primed with {@code priming} during Init. */
    public static void run(BytesHandler handler, Priming priming) {
        exit(run(System.getenv(), handler, priming));
    }

    /** Serves invocations with a stream handler (output buffered, sent when the handler returns). */
    public static void run(StreamHandler handler) {
        exit(Bootstrap.run(System.getenv(), new RegisteredStream(handler, RuntimeApi.CONTENT_TYPE_JSON), System.err));
    }

    /** As {@link #run(StreamHandler)}, primed with {@code priming} during Init. */
    public static void run(StreamHandler handler, Priming priming) {
        exit(Bootstrap.run(
                System.getenv(),
                Config.ResponseMode.BUFFERED,
                new RegisteredStream(handler, RuntimeApi.CONTENT_TYPE_JSON),
                priming,
                System.err));
    }

    /** Serves invocations with a typed handler and explicit codecs; responses carry the output codec's type. */
    public static <I, O> void run(TypedHandler<I, O> handler, Codec<I> input, Codec<O> output) {
        exit(Bootstrap.run(
                System.getenv(),
                new Registered(BytesHandler.of(handler, input, output), output.contentType(), handler),
                System.err));
    }

    /**
     * As {@link #run(TypedHandler, Codec, Codec)}, primed with {@code priming} during Init (the events are decoded
     * with {@code input} as real ones are).
     */
    public static <I, O> void run(TypedHandler<I, O> handler, Codec<I> input, Codec<O> output, Priming priming) {
        exit(Bootstrap.run(
                System.getenv(),
                Config.ResponseMode.BUFFERED,
                new Registered(BytesHandler.of(handler, input, output), output.contentType(), handler),
                priming,
                System.err));
    }

    /**
     * Serves invocations with a stream handler whose output is streamed to the caller as it is written (Runtime
     * API response streaming, up to 200 MB; reachable through function URLs with {@code RESPONSE_STREAM} and
     * {@code InvokeWithResponseStream}), as {@code application/octet-stream}.
     */
    public static void runStreaming(StreamHandler handler) {
        runStreaming(handler, RuntimeApi.CONTENT_TYPE_OCTET_STREAM);
    }

    /**
     * As {@link #runStreaming(StreamHandler)} with {@code Content-Type: contentType}; with
     * {@link RuntimeApi#CONTENT_TYPE_HTTP_INTEGRATION} the handler starts its output with an
     * {@link HttpResponsePrelude}.
     */
    public static void runStreaming(StreamHandler handler, String contentType) {
        exit(runStreaming(System.getenv(), handler, contentType));
    }

    /** As {@link #runStreaming(StreamHandler)} with {@code env} and {@code contentType}; returns instead of exiting. */
    public static ExitStatus runStreaming(Map<String, String> env, StreamHandler handler, String contentType) {
        return Bootstrap.run(env, Config.ResponseMode.STREAMED, new RegisteredStream(handler, contentType), System.err);
    }

    /** Serves invocations using {@code env} as the environment; returns why it stopped instead of exiting. */
    public static ExitStatus run(Map<String, String> env, BytesHandler handler) {
        return run(env, handler, RuntimeApi.CONTENT_TYPE_JSON);
    }

    /** As {@link #run(Map, BytesHandler)}, primed with {@code priming} (null: none) during Init. */
    public static ExitStatus run(Map<String, String> env, BytesHandler handler, Priming priming) {
        return Bootstrap.run(
                env,
                Config.ResponseMode.BUFFERED,
                new Registered(handler, RuntimeApi.CONTENT_TYPE_JSON, handler),
                priming,
                System.err);
    }

    /** As {@link #run(Map, BytesHandler)}, with responses sent as {@code contentType}. */
    public static ExitStatus run(Map<String, String> env, BytesHandler handler, String contentType) {
        return Bootstrap.run(env, new Registered(handler, contentType, handler), System.err);
    }

    static void exit(ExitStatus status) {
        System.exit(status.code());
    }

    /** An explicitly registered handler: init only wraps it. {@code owner} may implement {@link SnapStartHooks}. */
    private static final class Registered implements HandlerInit {
        private final BytesHandler handler;
        private final String contentType;
        private final Object owner;

        Registered(BytesHandler handler, String contentType, Object owner) {
            this.handler = handler;
            this.contentType = contentType;
            this.owner = owner;
        }

        @Override
        public HandlerInvoker create(Config config) {
            return new HandlerInvoker(config.function(), handler, contentType).withHooksOf(owner);
        }
    }

    /**
     * An explicitly registered stream handler, whose output is buffered or streamed as the configuration says. It may
     * implement {@link SnapStartHooks}.
     */
    private static final class RegisteredStream implements HandlerInit {
        private final StreamHandler handler;
        private final String contentType;

        RegisteredStream(StreamHandler handler, String contentType) {
            this.handler = handler;
            this.contentType = contentType;
        }

        @Override
        public HandlerInvoker create(Config config) {
            return new HandlerInvoker(config.function(), handler, contentType);
        }
    }
}
