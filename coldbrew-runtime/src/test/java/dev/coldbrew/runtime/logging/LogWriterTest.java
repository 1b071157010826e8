package dev.coldbrew.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.LogFormat;
import dev.coldbrew.runtime.LogLevel;
import dev.coldbrew.runtime.api.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogWriterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private InvocationLogger logger(LogFormat format, LogLevel minimum) {
        LogWriter writer = new LogWriter(format, minimum, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new InvocationLogger(writer, "req-1", null);
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textFormatPrefixesTheLevel() {
        InvocationLogger logger = logger(LogFormat.TEXT, null);
        logger.log(LogLevel.WARN, "careful");
        logger.log("plain");
        assertThat(written()).isEqualTo("[WARN] careful" + System.lineSeparator() + "plain" + System.lineSeparator());
    }

    @Test
    void levelsBelowTheMinimumAreDroppedButLevellessMessagesNever() {
        InvocationLogger logger = logger(LogFormat.TEXT, LogLevel.WARN);
        logger.log(LogLevel.INFO, "dropped");
        logger.log(LogLevel.ERROR, "kept");
        logger.log("always");
        assertThat(written()).doesNotContain("dropped").contains("[ERROR] kept").contains("always");
        assertThat(logger.isEnabled(LogLevel.DEBUG)).isFalse();
        assertThat(logger.isEnabled(LogLevel.FATAL)).isTrue();
    }

    @Test
    void jsonFormatWritesOneObjectPerLine() {
        logger(LogFormat.JSON, LogLevel.INFO).log(LogLevel.INFO, "hello \"world\"\nline two");
        String line = written().strip();
        assertThat(line).doesNotContain("\n");
        Map<String, Object> record = JsonReader.parseObject(line);
        assertThat(record)
                .containsEntry("message", "hello \"world\"\nline two")
                .containsEntry("level", "INFO")
                .containsEntry("AWSRequestId", "req-1")
                .doesNotContainKey("tenantId");
        assertThat((String) record.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void jsonRecordCarriesTheTenantWhenThereIsOne() {
        assertThat(LogWriter.json(LogLevel.DEBUG, "m", "r", "t-1", 0))
                .isEqualTo("{\"timestamp\":\"1970-01-01T00:00:00.000Z\",\"message\":\"m\",\"level\":\"DEBUG\","
                        + "\"AWSRequestId\":\"r\",\"tenantId\":\"t-1\"}");
    }

    @Test
    void timestampsMatchJavaTime() {
        DateTimeFormatter reference =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long ms = random.nextLong(0, 8_000_000_000_000L);
            assertThat(Timestamps.iso8601Millis(ms)).isEqualTo(reference.format(Instant.ofEpochMilli(ms)));
        }
        assertThat(Timestamps.iso8601Millis(951_782_400_000L)).isEqualTo("2000-02-29T00:00:00.000Z");
    }
}
