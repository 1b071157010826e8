package dev.coldbrew.examples.kmeans;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;

/**
 * The kmeans function on coldbrew's runtime: {@code main} registers this handler explicitly, so nothing is looked up
 * by reflection and nothing is loaded that the function does not use. Deploy on {@code provided.al2023} with a
 * {@code bootstrap} that runs {@code java -cp 'lib/*' dev.coldbrew.examples.kmeans.KmeansFunction}.
 */
public final class KmeansFunction implements BytesHandler {
    private final Kmeans kmeans = new Kmeans();

    public static void main(String[] args) {
        LambdaRuntime.run(new KmeansFunction());
    }

    @Override
    public byte[] handle(byte[] event, Context context) {
        return kmeans.run(KmeansRequest.fromJson(event)).toJson();
    }
}
