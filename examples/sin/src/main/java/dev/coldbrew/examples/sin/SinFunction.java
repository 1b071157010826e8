package dev.coldbrew.examples.sin;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;

/**
 * The sin function on coldbrew's runtime: {@code main} registers this handler explicitly, so nothing is looked up
 * by reflection and nothing is loaded that the function does not use. Deploy on {@code provided.al2023} with a
 * {@code bootstrap} that runs {@code java -cp 'lib/*' dev.coldbrew.examples.sin.SinFunction}.
 */
public final class SinFunction implements BytesHandler {
    private final Sin sin = new Sin();

    public static void main(String[] args) {
        LambdaRuntime.run(new SinFunction());
    }

    @Override
    public byte[] handle(byte[] event, Context context) {
        return sin.run(SinRequest.fromJson(event)).toJson();
    }
}
