package dev.coldbrew.gorpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedProcessTest {
    @Test
    void aProcessThatExitsReportsItsCodeAndAllItsOutput() throws Exception {
        BoundedProcess.Result result = BoundedProcess.run(
                new ProcessBuilder("sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 3"), Duration.ofSeconds(20));
        assertThat(result.exited()).isTrue();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("to-stdout").contains("to-stderr");
    }

    @Test
    void aProcessThatHangsWithItsOutputOpenIsKilledAtTheTimeout() throws Exception {
        // exec: the shell becomes sleep, so the process killed is the one holding the output open.
        BoundedProcess.Result result = BoundedProcess.run(
                new ProcessBuilder("sh", "-c", "echo started; exec sleep 120"), Duration.ofMillis(500));
        assertThat(result.exited()).isFalse();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.output()).contains("started");
        assertThat(ProcessHandle.of(result.pid()).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
    }
}
