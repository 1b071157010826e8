package com.example;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;

/** A user's function: greets with the size of the event. */
public final class HelloFunction implements BytesHandler {
    public static void main(String[] args) {
        LambdaRuntime.run(new HelloFunction());
    }

    @Override
    public byte[] handle(byte[] event, Context context) {
        return ("{\"greeting\":\"hello\",\"bytes\":" + event.length + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
