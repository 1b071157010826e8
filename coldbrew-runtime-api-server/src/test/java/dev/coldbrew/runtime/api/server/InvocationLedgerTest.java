package dev.coldbrew.runtime.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.server.InvocationLedger.Verdict;
import org.junit.jupiter.api.Test;

class InvocationLedgerTest {
    final InvocationLedger ledger = new InvocationLedger();

    @Test
    void anIdHandedOutIsAnsweredOnceThenAlreadyAnswered() {
        ledger.handedOut("a");

        assertThat(ledger.answer("a")).isEqualTo(Verdict.ACCEPTED);
        assertThat(ledger.answer("a")).isEqualTo(Verdict.ALREADY_ANSWERED);
    }

    @Test
    void anIdHandedOutAgainAfterItsAnswerStaysAnswered() {
        ledger.handedOut("a");
        ledger.answer("a");
        ledger.handedOut("a");

        assertThat(ledger.answer("a")).isEqualTo(Verdict.ALREADY_ANSWERED);
    }

    @Test
    void anIdNeverHandedOutIsUnknown() {
        assertThat(ledger.answer("never")).isEqualTo(Verdict.UNKNOWN_REQUEST_ID);
    }

    @Test
    void severalIdsMayBeInFlightAtOnce() {
        ledger.handedOut("a");
        ledger.handedOut("b");

        assertThat(ledger.answer("b")).isEqualTo(Verdict.ACCEPTED);
        assertThat(ledger.answer("a")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void onlyTheLatestAnsweredIdsAreRemembered() {
        for (int i = 0; i <= InvocationLedger.ANSWERED_REMEMBERED; i++) {
            ledger.handedOut("id-" + i);
            ledger.answer("id-" + i);
        }

        assertThat(ledger.answer("id-0")).isEqualTo(Verdict.UNKNOWN_REQUEST_ID);
        assertThat(ledger.answer("id-" + InvocationLedger.ANSWERED_REMEMBERED)).isEqualTo(Verdict.ALREADY_ANSWERED);
    }
}
