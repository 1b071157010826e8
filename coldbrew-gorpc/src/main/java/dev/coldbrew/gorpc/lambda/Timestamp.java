package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.time.Instant;

/**
 * {@code messages.InvokeRequest_Timestamp{Seconds, Nanos int64}}: the invoke deadline, Unix seconds plus the
 * nanoseconds within the second (aws-lambda-go passes both to {@code time.Unix}).
 */
public record Timestamp(long seconds, long nanos) {
    public static final Timestamp ZERO = new Timestamp(0, 0);

    public static final StructCodec<Timestamp> GOB = StructCodec.builder("InvokeRequest_Timestamp", Timestamp.class)
            .field("Seconds", GobScalars.INT, Timestamp::seconds)
            .field("Nanos", GobScalars.INT, Timestamp::nanos)
            .build(v -> new Timestamp(v.get(0), v.get(1)));

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.getEpochSecond(), instant.getNano());
    }

    /** The instant Go's {@code time.Unix(Seconds, Nanos)} denotes (Nanos outside [0, 1e9) are normalised). */
    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
