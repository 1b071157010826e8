package dev.coldbrew.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoTest {
    @Test
    void awsHandlerReturnsTheEventByteForByte() throws Exception {
        byte[] event = "{\"anything\":[1,\"two\",null]}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new EchoAwsHandler().handleRequest(new ByteArrayInputStream(event), out, null);

        assertThat(out.toByteArray()).isEqualTo(event);
    }

    @Test
    void emptyEventIsEchoedEmpty() {
        assertThat(new Echo().run(new byte[0])).isEmpty();
    }
}
