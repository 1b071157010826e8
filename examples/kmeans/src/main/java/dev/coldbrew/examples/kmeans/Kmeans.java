package dev.coldbrew.examples.kmeans;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The seed's workload: k-means++ over seeded uniform points with Apache Commons Math's
 * {@link KMeansPlusPlusClusterer}, run until the assignments stop changing. No I/O, only CPU and memory.
 */
public final class Kmeans {
    /** Commons Math's own convention for "iterate until converged". */
    private static final int UNTIL_CONVERGED = -1;

    private static final double NANOS_PER_MS = 1e6;

    public KmeansResult run(KmeansRequest request) {
        RandomGenerator random = new Well19937c(request.seed());
        List<InputPoint> points = points(request, random);
        long start = System.nanoTime();
        CountingClusterer clusterer = new CountingClusterer(request.k(), random, points.get(0));
        List<CentroidCluster<InputPoint>> clusters = clusterer.cluster(points);
        double computeMs = (System.nanoTime() - start) / NANOS_PER_MS;
        List<double[]> centres = new ArrayList<>(clusters.size());
        for (CentroidCluster<InputPoint> cluster : clusters) {
            centres.add(cluster.getCenter().getPoint().clone());
        }
        return new KmeansResult(centres, clusterer.iterations(), computeMs);
    }

    private static List<InputPoint> points(KmeansRequest request, RandomGenerator random) {
        List<InputPoint> points = new ArrayList<>(request.n());
        for (int i = 0; i < request.n(); i++) {
            double[] coordinates = new double[request.d()];
            for (int j = 0; j < coordinates.length; j++) {
                coordinates[j] = random.nextDouble();
            }
            points.add(new InputPoint(coordinates));
        }
        return points;
    }

    /** A generated point; the clusterer's centroids are plain {@link DoublePoint}s, which tells them apart. */
    static final class InputPoint extends DoublePoint {
        private static final long serialVersionUID = 1L;

        InputPoint(double[] coordinates) {
            super(coordinates);
        }
    }

    /**
     * Counts Lloyd iterations, which Commons Math does not report. Each iteration assigns every point to its
     * nearest new centroid, and so measures the distance from the first point to each of the k centroids (fresh
     * {@link DoublePoint}s); the k-means++ seeding and the first assignment only measure distances to input points.
     * An emptied cluster is re-seeded with an input point, so an iteration then counts k − 1: hence rounding up.
     */
    private static final class CountingClusterer extends KMeansPlusPlusClusterer<InputPoint> {
        private final InputPoint first;
        private long centroidDistancesFromFirst;

        CountingClusterer(int k, RandomGenerator random, InputPoint first) {
            super(k, UNTIL_CONVERGED, new EuclideanDistance(), random);
            this.first = first;
        }

        @Override
        protected double distance(Clusterable p1, Clusterable p2) {
            if (p1 == first && !(p2 instanceof InputPoint)) {
                centroidDistancesFromFirst++;
            }
            return super.distance(p1, p2);
        }

        int iterations() {
            return (int) ((centroidDistancesFromFirst + getK() - 1) / getK());
        }
    }
}
