package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.pack.fixture.ExitingFunction;
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
                .contains("AOT training run: the function failed on 1.json with Runtime.ExitError")
                .contains("exit status 3")
                .contains("ExitingFunction: giving up during init");
        assertThat(dir.resolve("out/function.zip")).doesNotExist();
    }
}
