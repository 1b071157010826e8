package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support library as the builder gets it: compiled once into a cache, complete, and a full libjvm.so. */
class SupportLibraryTest {
    @TempDir
    static Path cache;

    private static SupportLibrary library;

    @BeforeAll
    static void compile() throws Exception {
        library = SupportLibrary.compiled(jdk(), cache);
    }

    private static Path jdk() {
        return Path.of(System.getProperty("java.home"));
    }

    @Test
    void everySourceFileTravelsInTheJar() throws Exception {
        Path src = Path.of("src/main/c");
        try (Stream<Path> files = Files.walk(src)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> src.relativize(f).toString()))
                    .containsExactlyInAnyOrderElementsOf(SupportLibrary.SOURCES);
        }
    }

    @Test
    void aSecondUseFindsTheCompiledLibraryInTheCache() throws Exception {
        assertThat(SupportLibrary.compiled(jdk(), cache).dir()).isEqualTo(library.dir());
        assertThat(library.dir().getFileName().toString()).isEqualTo("support-" + SupportLibrary.hash(jdk()));
    }

    @Test
    void theBuildersLibraryPathHasTheHeadersAndEmptyStaticJdkLibraries() {
        Path clib = library.cLibraryPath();
        assertThat(clib.resolve("include/amd64cpufeatures.h")).isRegularFile();
        assertThat(clib.resolve("include/aarch64cpufeatures.h")).isRegularFile();
        assertThat(clib.resolve("include/riscv64cpufeatures.h")).isRegularFile();
        assertThat(clib.resolve("include/svm_locale.h")).isRegularFile();
        for (String name : SupportLibrary.STATIC_JDK_LIBRARIES) {
            assertThat(clib.resolve("lib" + name + ".a")).hasContent("!<arch>");
        }
        assertThat(library.imageArchive()).isRegularFile();
        assertThat(library.reporterLibrary()).isRegularFile();
    }

    /** A JDK update that makes its libraries import one more JVM_* function must fail here, not at run time. */
    @Test
    void coldbrewsLibjvmDefinesEveryJvmFunctionTheJdkLibrariesImport() throws Exception {
        Set<String> imported = new TreeSet<>();
        for (String lib : MavenBuilder.JDK_LIBRARIES) {
            for (String line : nm(
                    "-D", "--undefined-only", jdk().resolve("lib").resolve(lib).toString())) {
                String symbol = line.substring(line.lastIndexOf(' ') + 1);
                if (symbol.startsWith("JVM_") || symbol.startsWith("jio_")) {
                    imported.add(symbol.replaceAll("@.*", ""));
                }
            }
        }
        Set<String> defined = new TreeSet<>();
        for (String line : nm(
                "-D", "--defined-only", library.libjvmDir().resolve("libjvm.so").toString())) {
            defined.add(line.substring(line.lastIndexOf(' ') + 1).replaceAll("@.*", ""));
        }
        assertThat(imported).hasSizeGreaterThan(100);
        assertThat(defined).containsAll(imported).contains("initialize", "JVM_ActiveProcessorCount");
        assertThat(nm(
                        "-D",
                        "--defined-only",
                        "--with-symbol-versions",
                        library.libjvmDir().resolve("libjvm.so").toString()))
                .anyMatch(l -> l.endsWith("JVM_Halt@@SUNWprivate_1.1"));
    }

    static List<String> nm(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("nm"));
        command.addAll(List.of(args));
        Process nm = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines =
                new String(nm.getInputStream().readAllBytes()).lines().toList();
        assertThat(nm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nm.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
