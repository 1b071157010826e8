package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InitCpuTest {

    @Test
    void lambdaGivesInitTheVcpusLambdaMakesVisibleAtEveryMemorySize() {
        assertThat(InitCpu.LAMBDA.vcpus(128)).isEqualTo(2);
        assertThat(InitCpu.LAMBDA.vcpus(3008)).isEqualTo(2);
        assertThat(InitCpu.LAMBDA.vcpus(3009)).isEqualTo(3);
        assertThat(InitCpu.LAMBDA.vcpus(5308)).isEqualTo(4);
        assertThat(InitCpu.LAMBDA.vcpus(7077)).isEqualTo(5);
        assertThat(InitCpu.LAMBDA.vcpus(10240)).isEqualTo(6);
    }

    @Test
    void invokeThrottlesInitLikeTheInvoke() {
        assertThat(InitCpu.parse("invoke").vcpus(128)).isEqualTo(128 / 1769.0);
        assertThat(InitCpu.parse("invoke").vcpus(1769)).isEqualTo(1.0);
    }

    @Test
    void aNumberIsAFixedShare() {
        assertThat(InitCpu.parse("1.5").vcpus(128)).isEqualTo(1.5);
        assertThat(InitCpu.parse("1").describe(256)).isEqualTo("fixed (1 vCPU)");
        assertThat(InitCpu.LAMBDA.describe(256)).isEqualTo("lambda (2 vCPU)");
        assertThat(InitCpu.INVOKE.describe(256)).isEqualTo("invoke (0.145 vCPU)");
    }

    @Test
    void badValuesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> InitCpu.parse("full"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--init-cpu must be lambda, invoke or a number of vCPUs (0.01–6.0), got 'full'");
        assertThatThrownBy(() -> InitCpu.parse("0")).hasMessage("init CPU must be between 0.01 and 6.0 vCPUs, got 0.0");
        assertThatThrownBy(() -> InitCpu.parse("NaN")).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> InitCpu.parse("7")).hasMessageContaining("got 7.0");
    }
}
