package dev.coldbrew.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRouteTest {

    private static ApiRoute route(String method, String path) {
        return new ApiRoute("fn", method, path, ApiRoute.PayloadFormat.V1, "Fn.Events.E");
    }

    @Test
    void pathParametersAreTakenFromTheirSegments() {
        assertThat(route("get", "/items/{id}").match("GET", "/items/42")).isEqualTo(Map.of("id", "42"));
        assertThat(route("GET", "/items/{id}").match("POST", "/items/42")).isNull();
        assertThat(route("GET", "/items/{id}").match("GET", "/items/42/parts")).isNull();
        assertThat(route("GET", "/items/{id}").match("GET", "/items")).isNull();
        assertThat(route(null, "/hello").match("DELETE", "/hello/")).isEqualTo(Map.of());
    }

    @Test
    void aGreedySegmentTakesTheRestOfThePath() {
        assertThat(route("ANY", "/files/{proxy+}").match("GET", "/files/a/b.txt"))
                .isEqualTo(Map.of("proxy", "a/b.txt"));
        assertThat(route("ANY", "/files/{proxy+}").match("GET", "/files")).isNull();
        assertThatThrownBy(() -> route("GET", "/{proxy+}/x"))
                .hasMessage("route path '/{proxy+}/x': a greedy {name+} segment must be the last one");
        assertThatThrownBy(() -> route("GET", "hello")).hasMessage("route path 'hello' must start with '/'");
    }

    @Test
    void theDefaultRouteTakesEverythingAndRanksLast() {
        ApiRoute fallback = route(null, ApiRoute.DEFAULT_ROUTE);

        assertThat(fallback.match("PUT", "/any/where")).isEqualTo(Map.of());
        assertThat(fallback.routeKey()).isEqualTo("$default");
        assertThat(route("GET", "/items/{id}").routeKey()).isEqualTo("GET /items/{id}");
        assertThat(route("GET", "/items/new").specificity())
                .isGreaterThan(route("GET", "/items/{id}").specificity());
        assertThat(route("GET", "/items/{id}").specificity())
                .isGreaterThan(route("ANY", "/items/{id}").specificity());
        assertThat(route("ANY", "/items/{proxy+}").specificity()).isGreaterThan(fallback.specificity());
        assertThatThrownBy(() -> ApiRoute.PayloadFormat.parse("3.0"))
                .hasMessage("payload format version '3.0' is neither 1.0 nor 2.0");
    }
}
