package dev.coldbrew.examples.kmeans;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The cluster centres, the number of Lloyd iterations the clusterer ran, and the time spent clustering. */
public record KmeansResult(List<double[]> centres, int iterations, double computeMs) {
    public KmeansResult {
        centres = List.copyOf(centres);
    }

    /** {@code {"centres":[[x,y],...],"iterations":12,"computeMs":34.5}}. */
    public byte[] toJson() {
        StringBuilder out = new StringBuilder(32 + centres.size() * 48);
        out.append("{\"centres\":[");
        for (int i = 0; i < centres.size(); i++) {
            out.append(i == 0 ? "[" : ",[");
            double[] centre = centres.get(i);
            for (int j = 0; j < centre.length; j++) {
                out.append(j == 0 ? "" : ",").append(centre[j]);
            }
            out.append(']');
        }
        out.append("],\"iterations\":").append(iterations);
        out.append(",\"computeMs\":").append(computeMs).append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
