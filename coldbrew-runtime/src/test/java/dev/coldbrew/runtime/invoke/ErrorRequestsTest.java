package dev.coldbrew.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.ErrorRequest;
import org.junit.jupiter.api.Test;

class ErrorRequestsTest {
    private static StackTraceElement frame(String className) {
        return new StackTraceElement(className, "m", "F.java", 7);
    }

    @Test
    void keepsTheHandlersFramesOnlyWithoutRuntimeAndReflectionFrames() {
        RuntimeException error = new RuntimeException("boom");
        error.setStackTrace(new StackTraceElement[] {
            frame("com.example.Handler"),
            frame("dev.coldbrew.runtime.TypedAdapter"),
            frame("jdk.internal.reflect.DirectMethodHandleAccessor"),
            frame("java.lang.invoke.LambdaForm$DMH"),
            frame("com.example.Handler"),
            frame("dev.coldbrew.runtime.invoke.HandlerInvoker"),
            frame("dev.coldbrew.gorpc.rpc.ServerConnection"),
            frame("java.util.concurrent.ThreadPoolExecutor"),
            frame("com.example.Main"),
            frame("java.lang.Thread")
        });
        ErrorRequest request = ErrorRequests.from(error);
        assertThat(request.errorMessage()).isEqualTo("boom");
        assertThat(request.errorType()).isEqualTo("java.lang.RuntimeException");
        assertThat(request.stackTrace())
                .containsExactly("com.example.Handler.m(F.java:7)", "com.example.Handler.m(F.java:7)");
    }

    @Test
    void aTraceThatDoesNotPassThroughTheInvokerKeepsAllButRuntimeAndReflectionFrames() {
        RuntimeException error = new RuntimeException("made on another thread");
        error.setStackTrace(new StackTraceElement[] {
            frame("com.example.Worker"), frame("dev.coldbrew.runtime.loop.RuntimeLoop"), frame("java.lang.Thread")
        });
        assertThat(ErrorRequests.from(error).stackTrace())
                .containsExactly("com.example.Worker.m(F.java:7)", "java.lang.Thread.m(F.java:7)");
    }

    @Test
    void causeChainBackToTheTopEndsThere() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b", a);
        a.initCause(b);
        a.setStackTrace(new StackTraceElement[0]);
        b.setStackTrace(new StackTraceElement[0]);
        assertThat(ErrorRequests.from(a).stackTrace())
                .containsExactly("Caused by: java.lang.IllegalArgumentException: b");
    }

    @Test
    void causeCyclesBelowTheTopEndAfterTheLimit() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b", a);
        a.initCause(b);
        RuntimeException top = new RuntimeException("top", a);
        for (Throwable t : new Throwable[] {a, b, top}) {
            t.setStackTrace(new StackTraceElement[0]);
        }
        assertThat(ErrorRequests.from(top).stackTrace())
                .hasSize(ErrorRequests.MAX_CAUSES)
                .startsWith(
                        "Caused by: java.lang.IllegalStateException: a",
                        "Caused by: java.lang.IllegalArgumentException: b");
    }

    @Test
    void errorTypeCanBeGivenForInitFailures() {
        ErrorRequest request = ErrorRequests.from(new Exception("no handler"), "Runtime.NoSuchHandler");
        assertThat(request.errorType()).isEqualTo("Runtime.NoSuchHandler");
        assertThat(request.errorMessage()).isEqualTo("no handler");
    }
}
