package dev.coldbrew.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class JavaTimeTextTest {
    private final Json json = Json.create();

    public record Booking(Instant created, LocalDate day, OffsetDateTime start, Duration length) {}

    @Test
    void javaTimeValuesRoundTripAsIsoText() {
        Booking booking = new Booking(
                Instant.parse("2026-11-27T14:05:09.123Z"),
                LocalDate.parse("2026-12-24"),
                OffsetDateTime.parse("2026-12-24T18:00+01:00"),
                Duration.ofMinutes(90));

        String text = new String(json.encode(booking), StandardCharsets.UTF_8);

        assertThat(text)
                .contains("\"created\":\"2026-11-27T14:05:09.123Z\"")
                .contains("\"day\":\"2026-12-24\"")
                .contains("\"start\":\"2026-12-24T18:00+01:00\"")
                .contains("\"length\":\"PT1H30M\"");
        assertThat(json.decode(text.getBytes(StandardCharsets.UTF_8), Booking.class))
                .isEqualTo(booking);
    }

    @Test
    void textThatDoesNotParseFailsNamingIt() {
        byte[] bad = "{\"day\":\"24/12/2026\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.decode(bad, Booking.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("'24/12/2026' is not ISO-8601 text for java.time.LocalDate");
    }

    @Test
    void aNumberIsNotAnInstant() {
        byte[] bad = "{\"created\":1795788309123}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.decode(bad, Booking.class))
                .hasMessageContaining("expected ISO-8601 text for java.time.Instant");
    }
}
