package dev.coldbrew.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PricingTest {
    @Test
    void oneGigabyteSecondPerInvokeCostsThePublishedRatePlusRequests() {
        assertThat(Pricing.usdPerMillion(1000, 1024)).isCloseTo(16.6667 + 0.20, within(1e-9));
    }

    @Test
    void costScalesWithMemoryAndBilledDuration() {
        assertThat(Pricing.usdPerMillion(100, 512)).isCloseTo(0.833335 + 0.20, within(1e-9));
    }

    @Test
    void statementNamesPriceRegionAndDate() {
        assertThat(Pricing.statement())
                .isEqualTo("$0.0000166667 per GB-second and $0.20 per 1M requests (AWS Lambda, us-east-1, x86_64,"
                        + " price list as of 2026-11)");
    }
}
