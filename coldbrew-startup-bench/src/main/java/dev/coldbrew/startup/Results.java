package dev.coldbrew.startup;

import dev.coldbrew.startup.spawn.Measurement;
import dev.coldbrew.startup.spawn.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every measurement of one benchmark run, per subject, in the order the subjects were added. */
final class Results {
    private final Map<String, List<Measurement>> bySubject = new LinkedHashMap<>();
    private final List<Double> javaVersionMs = new ArrayList<>();

    void add(Subject subject, Measurement measurement) {
        bySubject.computeIfAbsent(subject.name(), name -> new ArrayList<>()).add(measurement);
    }

    void addJavaVersion(double millis) {
        javaVersionMs.add(millis);
    }

    List<Double> javaVersionMs() {
        return javaVersionMs;
    }

    List<Double> initMs(String subject) {
        return of(subject).stream().map(Measurement::initMs).toList();
    }

    List<Double> firstInvokeMs(String subject) {
        return of(subject).stream().map(Measurement::firstInvokeMs).toList();
    }

    List<Double> peakRssMib(String subject) {
        return of(subject).stream().map(Measurement::peakRssMib).toList();
    }

    private List<Measurement> of(String subject) {
        List<Measurement> measurements = bySubject.get(subject);
        if (measurements == null) {
            throw new IllegalArgumentException(
                    "no measurements of subject '" + subject + "', only of " + bySubject.keySet());
        }
        return measurements;
    }
}
