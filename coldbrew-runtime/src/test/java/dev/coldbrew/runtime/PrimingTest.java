package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

// The runtime under test runs while the try block's body drives the fake Runtime API.
@SuppressWarnings("try")
class PrimingTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @TempDir
    Path dir;

    /** What the handler saw: request id, priming flag, event, and how many Runtime API requests came before. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private BytesHandler recording() {
        return (event, context) -> {
            calls.add(context.requestId() + " " + context.priming() + " " + new String(event, StandardCharsets.UTF_8)
                    + " after " + api.requests().size());
            return event;
        };
    }

    @Test
    void handlerRunsOnTheEventsInRoundsDuringInitWithThePrimingContextAndNothingIsPosted() throws Exception {
        Priming priming = Priming.events(utf8("a"), utf8("b")).rounds(3);
        try (InProcessRuntime runtime = InProcessRuntime.primed(api, api.environment(), recording(), priming)) {
            String id = api.enqueue("real");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("real");
            assertThat(calls)
                    .containsExactly(
                            "priming-1 true a after 0",
                            "priming-2 true b after 0",
                            "priming-3 true a after 0",
                            "priming-4 true b after 0",
                            "priming-5 true a after 0",
                            "priming-6 true b after 0",
                            id + " false real after 1");
            assertThat(api.requests())
                    .extracting(RuntimeRequest::path)
                    .startsWith(RuntimeApi.NEXT_PATH, RuntimeApi.responsePath(id))
                    .noneMatch(path -> path.contains("priming"));
            assertThat(runtime.stderr()).contains("primed: 6 invocations in 3 rounds");
        }
    }

    @Test
    void primingContextHasItsOwnDeadlineWithinTheBudget() throws Exception {
        long before = System.currentTimeMillis();
        List<Long> deadlines = new CopyOnWriteArrayList<>();
        BytesHandler handler = (event, context) -> {
            deadlines.add(context.deadlineMs());
            return event;
        };
        try (InProcessRuntime runtime = InProcessRuntime.primed(
                api,
                api.environment(),
                handler,
                Priming.events(utf8("{}")).budgetMs(5_000).rounds(1))) {
            api.awaitResponse(api.enqueue("x"));
            assertThat(deadlines.get(0)).isBetween(before + 5_000, System.currentTimeMillis() + 5_000);
        }
    }

    @Test
    void handlerFailureWhilePrimingIsLoggedAndInitGoesOn() throws Exception {
        BytesHandler handler = (event, context) -> {
            if (context.priming()) {
                throw new IllegalStateException("no database while priming");
            }
            return event;
        };
        try (InProcessRuntime runtime = InProcessRuntime.primed(
                api, api.environment(), handler, Priming.events(utf8("{}")).rounds(5))) {
            String id = api.enqueue("served");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("served");
            assertThat(runtime.stderr())
                    .contains("primed: 1 invocations in 0 rounds")
                    .contains("handler failed: priming-1 java.lang.IllegalStateException: no database while priming");
            assertThat(api.requests()).noneMatch(r -> r.path().equals(RuntimeApi.INIT_ERROR_PATH));
        }
    }

    @Test
    void handlerFailureWhilePrimingFailsInitWhenAsked() throws Exception {
        BytesHandler handler = (event, context) -> {
            throw new IllegalStateException("cannot prime " + context.requestId());
        };
        Priming priming = Priming.events(utf8("{}")).failOnError();
        try (InProcessRuntime runtime = InProcessRuntime.primed(api, api.environment(), handler, priming)) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo(RuntimeApi.FN_ERROR_USER_EXCEPTION);
            assertThat(report.errorRequest().errorMessage()).isEqualTo("cannot prime priming-1");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
            assertThat(api.requests()).noneMatch(r -> r.path().equals(RuntimeApi.NEXT_PATH));
        }
    }

    @Test
    void budgetEndsPrimingBetweenEvents() throws Exception {
        BytesHandler handler = (event, context) -> {
            calls.add(context.requestId());
            Thread.sleep(20);
            return event;
        };
        Priming priming = Priming.events(utf8("{}")).budgetMs(1).rounds(1_000);
        try (InProcessRuntime runtime = InProcessRuntime.primed(api, api.environment(), handler, priming)) {
            api.awaitResponse(api.enqueue("x"));
            assertThat(calls).startsWith("priming-1").hasSize(2);
            assertThat(runtime.stderr())
                    .contains("primed: 1 invocations in 1 rounds")
                    .contains("budget spent");
        }
    }

    @Test
    void untilSettledStopsOnceRoundsStopGettingFaster() throws Exception {
        BytesHandler handler = (event, context) -> {
            calls.add(context.requestId());
            Thread.sleep(2);
            return event;
        };
        Priming priming = Priming.events(utf8("{}")).untilSettled(100);
        try (InProcessRuntime runtime = InProcessRuntime.primed(api, api.environment(), handler, priming)) {
            api.awaitResponse(api.enqueue("x"));
            assertThat(runtime.stderr()).contains("the rounds stopped getting faster");
            assertThat(calls.size() - 1).isBetween(Priming.SETTLED_ROUNDS + 1, 99);
        }
    }

    @Test
    void environmentNamesAFolderOfEventsAndTheLimits() throws Exception {
        Files.writeString(dir.resolve("2.json"), "{\"n\":2}");
        Files.writeString(dir.resolve("1.json"), "{\"n\":1}");
        Files.writeString(dir.resolve("notes.txt"), "not an event");
        Map<String, String> env = api.environment();
        env.put(Priming.ENV_EVENTS, dir.toString());
        env.put(Priming.ENV_ROUNDS, "2");
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, recording())) {
            String id = api.enqueue("real");
            api.awaitResponse(id);
            assertThat(calls)
                    .containsExactly(
                            "priming-1 true {\"n\":1} after 0",
                            "priming-2 true {\"n\":2} after 0",
                            "priming-3 true {\"n\":1} after 0",
                            "priming-4 true {\"n\":2} after 0",
                            id + " false real after 1");
        }
    }

    @Test
    void environmentSwitchesOffThePrimingOfTheCode() throws Exception {
        Map<String, String> env = api.environment();
        env.put(Priming.ENV_EVENTS, "OFF");
        try (InProcessRuntime runtime = InProcessRuntime.primed(
                api, env, recording(), Priming.events(utf8("{}")).rounds(3))) {
            String id = api.enqueue("real");
            api.awaitResponse(id);
            assertThat(calls).containsExactly(id + " false real after 1");
            assertThat(runtime.stderr()).doesNotContain("primed");
        }
    }

    @Test
    void missingEventsFolderIsAnInitErrorNamingIt() throws Exception {
        Map<String, String> env = api.environment();
        env.put(Priming.ENV_EVENTS, dir.resolve("nowhere").toString());
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, recording())) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo(RuntimeApi.FN_ERROR_INVALID_CONFIG);
            assertThat(report.errorRequest().errorMessage())
                    .isEqualTo("COLDBREW_PRIMING is '" + dir.resolve("nowhere") + "': priming events "
                            + dir.resolve("nowhere") + " do not exist");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void malformedLimitsAreInitErrorsNamingTheValue() throws Exception {
        Files.writeString(dir.resolve("e.json"), "{}");
        Map<String, String> env = api.environment();
        env.put(Priming.ENV_EVENTS, dir.toString());
        env.put(Priming.ENV_BUDGET_MS, "20000");
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, recording())) {
            assertThat(api.awaitInitError().errorRequest().errorMessage())
                    .isEqualTo("COLDBREW_PRIMING_BUDGET_MS is '20000': expected milliseconds from 1 to 9000"
                            + " (Lambda limits Init to 10 s)");
        }
    }

    @Test
    void emptyFolderAndBadValuesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> Priming.eventsIn(dir))
                .hasMessage("priming events folder " + dir + " holds no *.json file");
        assertThatThrownBy(() -> Priming.events(List.of())).hasMessage("priming needs at least one event, got []");
        assertThatThrownBy(() -> Priming.events(utf8("{}")).budgetMs(0))
                .hasMessage("priming budget is 0 ms: expected 1 to 9000 ms (Lambda limits Init to 10 s)");
        assertThatThrownBy(() -> Priming.events(utf8("{}")).rounds(-2))
                .hasMessage("priming rounds is -2: expected a count from 1 to 1000000");
    }
}
