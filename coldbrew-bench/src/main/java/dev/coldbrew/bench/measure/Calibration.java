package dev.coldbrew.bench.measure;

import java.util.List;

/**
 * The calibration's measurements: hello-world shapes run as cold starts in the local Lambda, to set beside the
 * figures real Lambda published for the same shapes. Samples use the workload {@link #WORKLOAD} and the shape's
 * id as strategy.
 *
 * @param memorySizesMb the memory sizes each shape ran at
 * @param preparations how each shape's function was built (or why it could not be)
 * @param samples one cold start each
 */
public record Calibration(List<Integer> memorySizesMb, List<Preparation> preparations, List<Sample> samples) {

    /** The workload name of calibration samples and preparations. */
    public static final String WORKLOAD = "hello";

    /** No calibration in this run. */
    public static final Calibration NONE = new Calibration(List.of(), List.of(), List.of());

    public Calibration {
        memorySizesMb = List.copyOf(memorySizesMb);
        preparations = List.copyOf(preparations);
        samples = List.copyOf(samples);
    }

    public boolean isEmpty() {
        return samples.isEmpty() && preparations.isEmpty();
    }

    /** The cold starts of {@code shape} at {@code memoryMb}, failed ones included. */
    public List<Sample> samples(String shape, int memoryMb) {
        return samples.stream()
                .filter(s -> s.strategy().equals(shape) && s.memoryMb() == memoryMb)
                .toList();
    }
}
