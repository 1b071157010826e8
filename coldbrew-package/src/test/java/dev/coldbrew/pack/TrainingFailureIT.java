package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.pack.fixture.ExitingFunction;
import dev.coldbrew.pack.fixture.NoCodecFunction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function that cannot start fails the packaging with Lambda's error and its log, and leaves no zip. */
class TrainingFailureIT {
    @TempDir
    Path dir;

    @Test
    void aRuntimeThatExitsDuringTheTrainingRunFailsThePackaging() throws Exception {
        Path jar = TestJars.jarOf(ExitingFunction.class, dir, "exiting.jar");
        Path events = PackagedFunctions.events(dir.resolve("events"), "{}");
        PackagedFunctions.Outcome outcome = PackagedFunctions.pack(PackageRequest.builder()
                .jars(List.of(jar))
                .mainClass(ExitingFunction.class.getName())
                .modules(List.of("java.base"))
                .eventsDir(events)
                .outputDir(dir.resolve("out")));
        assertThat(outcome.packed()).isFalse();
        assertThat(outcome.log())
                .contains(
                        "AOT training run: the function could not start (Init failed) on 1.json with Runtime.ExitError")
                .contains("exit status 3")
                .contains("ExitingFunction: giving up during init");
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }

    @Test
    void aFailedInitStopsThePackagingAtTheFirstInvokeWithTheFunctionsOwnError() throws Exception {
        Path jar = TestJars.jarOf(NoCodecFunction.class, dir, "no-codec.jar");
        Path events = PackagedFunctions.events(dir.resolve("events"), "{}", "{\"a\":1}");
        PackagedFunctions.Outcome outcome = PackagedFunctions.pack(PackageRequest.builder()
                .jars(List.of(
                        jar,
                        TestJars.jarOf(dev.coldbrew.runtime.LambdaRuntime.class, dir, "coldbrew-runtime.jar"),
                        TestJars.jarOf(dev.coldbrew.runtime.api.RuntimeApi.class, dir, "coldbrew-runtime-api.jar")))
                .handler(NoCodecFunction.class.getName() + "::handle")
                .modules(List.of("java.base"))
                .eventsDir(events)
                .trainingRounds(3)
                .outputDir(dir.resolve("out")));
        assertThat(outcome.packed()).isFalse();
        assertThat(outcome.log())
                .contains("AOT training run: the function could not start (Init failed) on 1.json")
                .contains("Runtime.BadFunctionCode")
                .contains("add dev.coldbrew:coldbrew-json")
                .doesNotContain("AOT cache: creating")
                .doesNotContain("Must be a valid AOT configuration");
        // one invoke: its init and Lambda's retry of it in the invoke phase, each in the progress and in the error's
        // log; not one invoke per training event and round
        assertThat(outcome.log().split("INIT_REPORT", -1).length - 1).isBetween(1, 4);
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }
}
