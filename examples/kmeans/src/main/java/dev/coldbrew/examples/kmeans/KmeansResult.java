package dev.coldbrew.examples.kmeans;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.json.JSONStringer;

/** The cluster centres, the number of Lloyd iterations the clusterer ran, and the time spent clustering. */
public record KmeansResult(List<double[]> centres, int iterations, double computeMs) {
    public KmeansResult {
        centres = List.copyOf(centres);
    }

    /**
     * {@code {"centres":[[x,y],...],"iterations":12,"computeMs":34.5}}, written with org.json's {@link JSONStringer},
     * which keeps the fields in this order (a {@code JSONObject} would not). Numbers are as org.json writes them: a
     * double's shortest decimal form without a trailing {@code .0}, so {@code 2.0} is written {@code 2}.
     */
    public byte[] toJson() {
        JSONStringer out = new JSONStringer();
        out.object().key("centres").array();
        for (double[] centre : centres) {
            out.array();
            for (double x : centre) {
                out.value(x);
            }
            out.endArray();
        }
        out.endArray();
        out.key("iterations").value(iterations);
        out.key("computeMs").value(computeMs);
        out.endObject();
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
