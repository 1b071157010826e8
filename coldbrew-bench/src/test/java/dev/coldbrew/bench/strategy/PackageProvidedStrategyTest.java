package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.pack.PackageRequest;
import dev.coldbrew.pack.PackageSummary;
import dev.coldbrew.pack.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaging request and the failure path of {@code package-provided}, without running jlink. */
class PackageProvidedStrategyTest {
    @TempDir
    Path tmp;

    private StrategyContext context(String workload, boolean smallEvents) throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("home/examples/" + workload + "/target/function/lib"));
        Files.writeString(lib.resolve("b.jar"), "");
        Files.writeString(lib.resolve("a.jar"), "");
        Files.writeString(lib.resolve("notes.txt"), "");
        return new StrategyContext(tmp.resolve("home"), tmp.resolve("work"), tmp.resolve("jdk"), null, smallEvents);
    }

    @Test
    void packagesTheExamplesJarsAndMainTrainedWithTheWorkloadsOwnEvent() throws Exception {
        StrategyContext context = context("kmeans", false);
        Path dir = tmp.resolve("work/package-provided/kmeans");

        PackageRequest request = PackageProvidedStrategy.request(Workload.KMEANS, context, dir);

        Path lib = tmp.resolve("home/examples/kmeans/target/function/lib");
        assertThat(request.jars()).containsExactly(lib.resolve("a.jar"), lib.resolve("b.jar"));
        assertThat(request.mainClass()).isEqualTo("dev.coldbrew.examples.kmeans.KmeansFunction");
        assertThat(request.target()).isEqualTo(Target.PROVIDED_AL2023);
        assertThat(request.nativeImage()).isFalse();
        assertThat(request.aotCache()).isTrue();
        assertThat(request.reachableModules()).isTrue();
        assertThat(request.trainingRounds()).isEqualTo(Workload.KMEANS.trainingInvokes());
        assertThat(request.memoryMb()).isEqualTo(AotStrategy.TRAINING_MEMORY_MB);
        assertThat(request.jdkHome()).isEqualTo(tmp.resolve("jdk"));
        assertThat(request.verify())
                .as("the bench runs the unpacked zip itself")
                .isFalse();
        assertThat(request.outputDir()).isEqualTo(dir.resolve("package")).isDirectory();
        assertThat(request.eventsDir()).isEqualTo(dir.resolve("events"));
        assertThat(request.eventsDir().toFile().list()).containsExactly("kmeans.json");
        assertThat(Files.readAllBytes(dir.resolve("events/kmeans.json"))).isEqualTo(Workload.KMEANS.event(false));
    }

    @Test
    void thePrimedVariantPackagesWithPrimeAndTheWorkloadsEvent() throws Exception {
        StrategyContext context = context("kmeans", false);
        Path dir = tmp.resolve("work/package-provided-primed/kmeans");

        PackageRequest request = PackageProvidedStrategy.request(Workload.KMEANS, context, dir, true);

        assertThat(request.prime()).isTrue();
        assertThat(request.primingEvents()).isEqualTo(dir.resolve("events"));
        assertThat(PackageProvidedStrategy.primed(Map.of()).name()).isEqualTo("package-provided-primed");
        assertThat(PackageProvidedStrategy.request(Workload.KMEANS, context, dir)
                        .prime())
                .isFalse();
    }

    @Test
    void smallEventsTrainWithTheSmallEvent() throws Exception {
        StrategyContext context = context("kmeans", true);
        Path dir = tmp.resolve("work/package-provided/kmeans");

        PackageProvidedStrategy.request(Workload.KMEANS, context, dir);

        assertThat(Files.readAllBytes(dir.resolve("events/kmeans.json"))).isEqualTo(Workload.KMEANS.event(true));
    }

    @Test
    void aJarThePackagerCannotReadFailsThePreparationNamingIt() throws Exception {
        PackageProvidedStrategy strategy = new PackageProvidedStrategy(Map.of());

        assertThatThrownBy(() -> strategy.prepare(Workload.ECHO, context("echo", true)))
                .isInstanceOf(PreparationException.class)
                .hasMessageStartingWith("package-provided: packaging echo failed: ")
                .hasMessageContaining("a.jar");
        assertThat(tmp.resolve("work/package-provided/echo/task")).doesNotExist();
    }

    @Test
    void theArtifactNamesTheZipSizeModulesAndCache() {
        PackageSummary summary = new PackageSummary(
                Path.of("out/function.zip"),
                Path.of("out/template.yaml"),
                Target.PROVIDED_AL2023,
                "x86_64",
                "jvm+aot",
                24_122_169,
                71_500_000,
                List.of("java.base"),
                List.of(),
                11_200_000,
                5,
                "",
                "skipped");

        assertThat(PackageProvidedStrategy.artifact(summary))
                .isEqualTo("function.zip 23.0 MB (24122169 bytes), unzipped 68.2 MB, modules java.base,"
                        + " AOT cache 10.7 MB");
    }
}
