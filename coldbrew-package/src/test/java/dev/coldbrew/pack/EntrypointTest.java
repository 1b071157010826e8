package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntrypointTest {
    @TempDir
    Path dir;

    private FunctionJars jars(String mainClass, String... classes) throws PackageException {
        return FunctionJars.open(List.of(TestJars.jarWithClasses(dir.resolve("f.jar"), mainClass, classes)));
    }

    @Test
    void noHandlerNoMainClassAndNoManifestIsAClearError() throws Exception {
        FunctionJars jars = jars(null, "p.Handler");
        assertThatThrownBy(() -> Entrypoint.resolve("", "", Target.PROVIDED_AL2023, jars))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("no handler: give --handler package.Class[::method]");
    }

    @Test
    void aHandlerRunsThroughColdbrewsGenericMain() throws Exception {
        FunctionJars jars = jars(null, "p.Handler", Entrypoint.COLDBREW_MAIN);
        assertThat(Entrypoint.resolve("", "p.Handler::handle", Target.PROVIDED_AL2023, jars))
                .isEqualTo(new Entrypoint(Entrypoint.COLDBREW_MAIN, "p.Handler::handle"));
    }

    @Test
    void aHandlerWithoutColdbrewsRuntimeIsRefusedOnProvided() throws Exception {
        FunctionJars jars = jars(null, "p.Handler");
        assertThatThrownBy(() -> Entrypoint.resolve("", "p.Handler", Target.PROVIDED_AL2023, jars))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("handler p.Handler needs coldbrew's runtime");
    }

    @Test
    void aHandlerWithoutColdbrewsRuntimeRunsOnAwsClientOnManagedJava() throws Exception {
        FunctionJars jars = jars(null, "p.Handler");
        Entrypoint entry = Entrypoint.resolve("", "p.Handler::handleRequest", Target.JAVA25, jars);
        assertThat(entry.coldbrewRuntime()).isFalse();
        assertThat(entry.handler()).isEqualTo("p.Handler::handleRequest");
    }

    @Test
    void aHandlerClassMissingFromTheJarsIsNamed() throws Exception {
        FunctionJars jars = jars(null, "p.Other", Entrypoint.COLDBREW_MAIN);
        assertThatThrownBy(() -> Entrypoint.resolve("", "p.Handler::handle", Target.PROVIDED_AL2023, jars))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("handler class p.Handler is not in the function jars");
    }

    @Test
    void anExplicitMainClassWins() throws Exception {
        FunctionJars jars = jars("p.Other", "p.Main", "p.Other");
        assertThat(Entrypoint.resolve("p.Main", "", Target.PROVIDED_AL2023, jars))
                .isEqualTo(new Entrypoint("p.Main", "p.Main"));
    }

    @Test
    void theManifestMainClassIsTheFallback() throws Exception {
        FunctionJars jars = jars("p.Main", "p.Main");
        assertThat(Entrypoint.resolve("", "", Target.PROVIDED_AL2023, jars).mainClass())
                .isEqualTo("p.Main");
    }
}
