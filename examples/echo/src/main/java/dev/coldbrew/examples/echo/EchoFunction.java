package dev.coldbrew.examples.echo;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;

/**
 * The echo function on coldbrew's runtime: {@code main} registers this handler explicitly, so nothing is looked up
 * by reflection and nothing is loaded that the function does not use. Deploy on {@code provided.al2023} with a
 * {@code bootstrap} that runs {@code java -cp 'lib/*' dev.coldbrew.examples.echo.EchoFunction}.
 */
public final class EchoFunction implements BytesHandler {
    private final Echo echo = new Echo();

    public static void main(String[] args) {
        LambdaRuntime.run(new EchoFunction());
    }

    @Override
    public byte[] handle(byte[] event, Context context) {
        return echo.run(event);
    }
}
