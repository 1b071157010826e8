package dev.coldbrew.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** REPORT lines in Lambda's exact format (invoke-api-and-environment.md §4.1). */
class ReportTest {

    @Test
    void warmReport() {
        Report r = new Report(
                "id",
                79.671,
                Report.billed(79.671, OptionalDouble.empty()),
                512,
                90,
                OptionalDouble.empty(),
                null,
                null);

        assertThat(r.billedDurationMs()).isEqualTo(80);
        assertThat(r.toLogLine())
                .isEqualTo("REPORT RequestId: id\tDuration: 79.67 ms\tBilled Duration: 80 ms\tMemory Size: 512 MB\t"
                        + "Max Memory Used: 90 MB\t");
    }

    @Test
    void coldReportBillsInitAndPutsInitDurationAfterMaxMemory() {
        Report r = new Report(
                "id",
                395.99,
                Report.billed(395.99, OptionalDouble.of(265.72)),
                128,
                64,
                OptionalDouble.of(265.72),
                null,
                null);

        assertThat(r.billedDurationMs()).isEqualTo(662);
        assertThat(r.toLogLine())
                .isEqualTo("REPORT RequestId: id\tDuration: 395.99 ms\tBilled Duration: 662 ms\t"
                        + "Memory Size: 128 MB\tMax Memory Used: 64 MB\tInit Duration: 265.72 ms\t");
    }

    @Test
    void statusFieldsComeLast() {
        Report timeout = new Report("id", 3000, 3000, 128, 64, OptionalDouble.empty(), "timeout", null);
        Report oom =
                new Report("id", 12.5, 13, 10240, 10239, OptionalDouble.of(551.73), "error", "Runtime.OutOfMemory");

        assertThat(timeout.toLogLine()).endsWith("Max Memory Used: 64 MB\tStatus: timeout\t");
        assertThat(oom.toLogLine())
                .endsWith(
                        "Max Memory Used: 10239 MB\tInit Duration: 551.73 ms\tStatus: error\tError Type: Runtime.OutOfMemory\t");
    }
}
