package dev.coldbrew.runtime.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void invocationPathsCarryTheirRequestId() {
        assertThat(Endpoint.route(RuntimeApi.responsePath("abc")))
                .isEqualTo(new Endpoint.Route(Endpoint.RESPONSE, "abc"));
        assertThat(Endpoint.route(RuntimeApi.errorPath("abc"))).isEqualTo(new Endpoint.Route(Endpoint.ERROR, "abc"));
    }

    @Test
    void fixedPathsNameTheirEndpoint() {
        assertThat(Endpoint.route(RuntimeApi.NEXT_PATH).endpoint()).isEqualTo(Endpoint.NEXT);
        assertThat(Endpoint.route(RuntimeApi.INIT_ERROR_PATH).endpoint()).isEqualTo(Endpoint.INIT_ERROR);
        assertThat(Endpoint.route(RuntimeApi.RESTORE_NEXT_PATH).endpoint()).isEqualTo(Endpoint.RESTORE_NEXT);
        assertThat(Endpoint.route(RuntimeApi.RESTORE_ERROR_PATH).endpoint()).isEqualTo(Endpoint.RESTORE_ERROR);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(Endpoint.route(RuntimeApi.INVOCATION_PREFIX + "/response").endpoint())
                .isEqualTo(Endpoint.UNKNOWN);
        assertThat(Endpoint.route(RuntimeApi.INVOCATION_PREFIX + "a/b/response").endpoint())
                .isEqualTo(Endpoint.UNKNOWN);
        assertThat(Endpoint.route(RuntimeApi.INVOCATION_PREFIX + "a/other").endpoint())
                .isEqualTo(Endpoint.UNKNOWN);
        assertThat(Endpoint.route("/2018-06-01/runtime/nothing").endpoint()).isEqualTo(Endpoint.UNKNOWN);
    }
}
