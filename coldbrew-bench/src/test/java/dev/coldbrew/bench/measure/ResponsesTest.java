package dev.coldbrew.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFunctionsOwnTimingIsBlanked() {
        assertThat(Responses.normalize("{\"x\":0.5,\"computeMs\":1.25E-4}")).isEqualTo("{\"x\":0.5,\"computeMs\":_}");
    }

    @Test
    void sameWorkWithDifferentTimingsIsNotADifference() {
        Responses r = new Responses();
        r.offer("sin", "aws-java", utf8("{\"x\":0.1,\"computeMs\":80.5}"));
        r.offer("sin", "coldbrew-aot", utf8("{\"x\":0.1,\"computeMs\":40}"));

        assertThat(r.differing()).isEmpty();
        assertThat(r.of("sin")).containsOnlyKeys("aws-java", "coldbrew-aot");
    }

    @Test
    void differentResultsAreReported() {
        Responses r = new Responses();
        r.offer("kmeans", "aws-java", utf8("{\"iterations\":73}"));
        r.offer("kmeans", "coldbrew-jvm", utf8("{\"iterations\":74}"));
        r.offer("echo", "aws-java", utf8("{}"));

        assertThat(r.differing()).containsExactly("kmeans");
    }

    @Test
    void onlyTheFirstResponseOfAStrategyIsKept() {
        Responses r = new Responses();
        r.offer("echo", "aws-java", utf8("first"));
        r.offer("echo", "aws-java", utf8("second"));

        assertThat(r.of("echo")).containsEntry("aws-java", "first");
    }
}
