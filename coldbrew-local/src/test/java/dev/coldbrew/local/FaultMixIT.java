package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.testing.Go1xFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invokes that end their environment mixed with ordinary ones: a handler that throws {@link OutOfMemoryError} makes
 * coldbrew's runtime post {@code Runtime.OutOfMemory} and exit (status 3) after its answer, so its environment must
 * never get the next event. Every caller gets its own invocation's answer, and warm reuse is kept.
 */
class FaultMixIT {
    private static final int CLIENTS = 4;
    private static final int INVOKES_PER_CLIENT = 50;

    @TempDir
    static Path dir;

    private static FunctionConfig runtimeApiFunction;
    private static FunctionConfig go1xFunction;

    private LocalLambda lambda;

    @BeforeAll
    static void buildFunctions() throws Exception {
        runtimeApiFunction = Go1xFunctions.javaRuntimeApiFunction(dir.resolve("api"), "mix");
        go1xFunction = Go1xFunctions.javaFunction(dir.resolve("go1x"), "mixgo");
    }

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @AfterAll
    static void noFunctionProcessIsLeft() {
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
                .as("function processes left behind")
                .isEmpty();
    }

    private void start(FunctionConfig function) {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(line -> {}).build());
        lambda.register(function.withTimeout(Duration.ofSeconds(60)));
    }

    /** What one invoke got, and whether it is the right answer for what it asked. */
    private record Answer(String asked, InvocationResult result) {
        boolean right() {
            String payload = result.payloadText();
            if (asked.equals("oom")) {
                return "Unhandled".equals(result.functionError()) && payload.contains("java.lang.OutOfMemoryError");
            }
            return result.functionError() == null && payload.matches("\\d+");
        }

        @Override
        public String toString() {
            return asked + " -> " + result.functionError() + " " + result.payloadText();
        }
    }

    /** {@code clients} callers at once, each alternating ordinary and OOM invokes (half of them start with OOM). */
    private List<Answer> mix(String function, int clients, int invokesPerClient) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Answer>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int phase = c % 2;
                futures.add(callers.submit(() -> {
                    List<Answer> answers = new ArrayList<>();
                    for (int i = 0; i < invokesPerClient; i++) {
                        String asked = (i + phase) % 2 == 0 ? "pid" : "oom";
                        answers.add(new Answer(asked, lambda.invoke(function, asked.getBytes(StandardCharsets.UTF_8))));
                    }
                    return answers;
                }));
            }
            List<Answer> all = new ArrayList<>();
            for (Future<List<Answer>> future : futures) {
                all.addAll(future.get(10, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFiftyFiftyMixOfOrdinaryAndOutOfMemoryInvokesAnswersEveryCallerRight() throws Exception {
        start(runtimeApiFunction);

        List<Answer> answers = mix("mix", CLIENTS, INVOKES_PER_CLIENT);

        assertThat(answers).hasSize(CLIENTS * INVOKES_PER_CLIENT);
        assertThat(answers.stream().filter(a -> !a.right())).as("wrong answers").isEmpty();
        assertThat(answers.stream().filter(a -> a.asked().equals("oom"))).hasSize(CLIENTS * INVOKES_PER_CLIENT / 2);
    }

    @Test
    void backToBackInvokesStayOnOneWarmEnvironment() {
        start(runtimeApiFunction);
        Set<String> pids = ConcurrentHashMap.newKeySet();

        for (int i = 0; i < 30; i++) {
            InvocationResult result = lambda.invoke("mix", "pid".getBytes(StandardCharsets.UTF_8));
            assertThat(result.functionError()).as(result.payloadText()).isNull();
            pids.add(result.payloadText());
        }

        assertThat(pids).hasSize(1);
    }

    @Test
    void overGo1xTooEveryCallerGetsTheRightAnswer() throws Exception {
        start(go1xFunction);

        List<Answer> answers = mix("mixgo", 2, 10);

        assertThat(answers).hasSize(20);
        assertThat(answers.stream().filter(a -> !a.right())).as("wrong answers").isEmpty();
    }
}
