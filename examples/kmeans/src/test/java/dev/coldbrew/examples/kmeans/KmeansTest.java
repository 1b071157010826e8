package dev.coldbrew.examples.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class KmeansTest {
    private static final KmeansRequest SMALL = new KmeansRequest(2_000, 2, 10, 42);

    @Test
    void clustersIntoKCentresOfDimensionD() {
        KmeansResult result = new Kmeans().run(new KmeansRequest(1_000, 3, 7, 1));

        assertThat(result.centres()).hasSize(7).allSatisfy(c -> {
            assertThat(c).hasSize(3);
            for (double x : c) {
                assertThat(x).isBetween(0.0, 1.0);
            }
        });
        assertThat(result.iterations()).isPositive();
        assertThat(result.computeMs()).isNotNegative();
    }

    @Test
    void sameSeedDoesIdenticalWork() {
        KmeansResult first = new Kmeans().run(SMALL);
        KmeansResult second = new Kmeans().run(SMALL);

        assertThat(second.iterations()).isEqualTo(first.iterations());
        assertThat(second.centres())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(first.centres());
    }

    @Test
    void iterationCountIsWhatThePlainClustererNeedsToConverge() {
        KmeansResult result = new Kmeans().run(SMALL);

        assertThat(plainCentres(SMALL, result.iterations()))
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(result.centres());
        assertThat(plainCentres(SMALL, result.iterations() - 1))
                .usingRecursiveFieldByFieldElementComparator()
                .isNotEqualTo(result.centres());
    }

    @Test
    void awsHandlerReadsTheEventAndWritesJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] event = "{\"n\":500,\"d\":2,\"k\":3,\"seed\":7}".getBytes(StandardCharsets.UTF_8);

        new KmeansAwsHandler().handleRequest(new ByteArrayInputStream(event), out, null);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("{\"centres\":[[")
                .contains("],\"iterations\":")
                .contains(",\"computeMs\":")
                .endsWith("}");
    }

    @Test
    void resultJsonListsEveryCentreWithItsFieldsInOrder() {
        KmeansResult result = new KmeansResult(List.of(new double[] {0.5, 0.25}, new double[] {0.125, 1.0E-5}), 3, 1.5);

        assertThat(new String(result.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"centres\":[[0.5,0.25],[0.125,1.0E-5]],\"iterations\":3,\"computeMs\":1.5}");
    }

    @Test
    void integralDoublesAreWrittenAsOrgJsonWritesThem() {
        KmeansResult result = new KmeansResult(List.of(new double[] {1.0, 0.0}), 1, 2.0);

        assertThat(new String(result.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"centres\":[[1,0]],\"iterations\":1,\"computeMs\":2}");
    }

    @Test
    void resultJsonReadsBackToTheSameDoubles() {
        KmeansResult result = new Kmeans().run(SMALL);

        JSONArray centres = new JSONObject(new String(result.toJson(), StandardCharsets.UTF_8)).getJSONArray("centres");

        assertThat(centres.length()).isEqualTo(result.centres().size());
        for (int i = 0; i < centres.length(); i++) {
            double[] expected = result.centres().get(i);
            JSONArray centre = centres.getJSONArray(i);
            assertThat(centre.length()).isEqualTo(expected.length);
            for (int j = 0; j < expected.length; j++) {
                assertThat(centre.getDouble(j)).isEqualTo(expected[j]);
            }
        }
    }

    /** Commons Math alone, same seed and generator order, stopped after {@code iterations}. */
    private static List<double[]> plainCentres(KmeansRequest request, int iterations) {
        RandomGenerator random = new Well19937c(request.seed());
        List<DoublePoint> points = new ArrayList<>();
        for (int i = 0; i < request.n(); i++) {
            double[] p = new double[request.d()];
            for (int j = 0; j < p.length; j++) {
                p[j] = random.nextDouble();
            }
            points.add(new DoublePoint(p));
        }
        List<double[]> centres = new ArrayList<>();
        for (CentroidCluster<DoublePoint> c : new KMeansPlusPlusClusterer<DoublePoint>(
                        request.k(), iterations, new EuclideanDistance(), random)
                .cluster(points)) {
            centres.add(c.getCenter().getPoint());
        }
        return centres;
    }
}
