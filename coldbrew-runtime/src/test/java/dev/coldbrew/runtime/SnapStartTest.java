package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The runtime under test runs while the try block's body drives the fake Runtime API.
@SuppressWarnings("try")
class SnapStartTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** A handler with SnapStart hooks that records when they ran, relative to the Runtime API requests. */
    private final class Hooked implements BytesHandler, SnapStartHooks {
        private final boolean failBefore;
        private final boolean failAfter;

        Hooked(boolean failBefore, boolean failAfter) {
            this.failBefore = failBefore;
            this.failAfter = failAfter;
        }

        @Override
        public byte[] handle(byte[] event, Context context) {
            return event;
        }

        @Override
        public void beforeCheckpoint() {
            calls.add("before after " + api.requests().size() + " requests");
            if (failBefore) {
                throw new IllegalStateException("cannot close the pool");
            }
        }

        @Override
        public void afterRestore() {
            calls.add("after after " + api.requests().size() + " requests");
            if (failAfter) {
                throw new IllegalStateException("cannot reconnect");
            }
        }
    }

    private Map<String, String> snapStartEnv() {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_INITIALIZATION_TYPE, RuntimeApi.INIT_TYPE_SNAP_START);
        return env;
    }

    private InProcessRuntime start(Map<String, String> env, Hooked handler) {
        return InProcessRuntime.start(
                api, env, config -> new HandlerInvoker(config.function(), handler).withHooksOf(handler));
    }

    @Test
    void hooksRunAroundTheRestoreBeforeTheFirstNext() throws Exception {
        try (InProcessRuntime runtime = start(snapStartEnv(), new Hooked(false, false))) {
            String id = api.enqueue("restored");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("restored");
            assertThat(calls).containsExactly("before after 0 requests", "after after 1 requests");
            assertThat(api.requests().get(0).path()).isEqualTo(RuntimeApi.RESTORE_NEXT_PATH);
        }
    }

    @Test
    void failingBeforeCheckpointIsAnInitErrorAndExit64() throws Exception {
        try (InProcessRuntime runtime = start(snapStartEnv(), new Hooked(true, false))) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo("Runtime.BeforeCheckpointError");
            assertThat(report.errorRequest().errorMessage()).isEqualTo("cannot close the pool");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.SNAPSTART_HOOK_FAILED);
            assertThat(ExitStatus.SNAPSTART_HOOK_FAILED.code()).isEqualTo(64);
            assertThat(api.requests()).noneMatch(r -> r.path().equals(RuntimeApi.RESTORE_NEXT_PATH));
        }
    }

    @Test
    void failingAfterRestoreIsARestoreErrorAndExit64() throws Exception {
        try (InProcessRuntime runtime = start(snapStartEnv(), new Hooked(false, true))) {
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.SNAPSTART_HOOK_FAILED);
            RuntimeRequest report = api.requests().get(1);
            assertThat(report.path()).isEqualTo(RuntimeApi.RESTORE_ERROR_PATH);
            assertThat(report.errorType()).isEqualTo("Runtime.AfterRestoreError");
            assertThat(report.errorRequest().errorMessage()).isEqualTo("cannot reconnect");
            assertThat(api.requests()).noneMatch(r -> r.path().equals(RuntimeApi.NEXT_PATH));
            assertThat(runtime.stderr())
                    .contains("after-restore hook failed: java.lang.IllegalStateException: cannot reconnect");
        }
    }

    @Test
    void hooksDoNotRunWithoutSnapStart() throws Exception {
        try (InProcessRuntime runtime = start(api.environment(), new Hooked(true, true))) {
            String id = api.enqueue("on demand");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("on demand");
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void hooksOfAStreamHandlerRegisteredThroughMainAreFound() throws Exception {
        Map<String, String> env = snapStartEnv();
        env.put(RuntimeApi.ENV_HANDLER, "example.handlers.HookedStream");
        try (InProcessRuntime runtime = InProcessRuntime.main(api, env, SnapStartTest.class.getClassLoader())) {
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.SNAPSTART_HOOK_FAILED);
            assertThat(api.awaitInitError().errorRequest().errorMessage()).isEqualTo("HookedStream refuses snapshots");
        }
    }
}
