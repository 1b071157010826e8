package dev.coldbrew.runtime;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packages of coldbrew-runtime depend on each other one way only. The root package holds two layers: the entry
 * classes {@code Main} and {@code LambdaRuntime} (the top one, which may use every package) and the API functions
 * are written against (handlers, {@code Context}, codecs, exceptions: the bottom one, which every package uses). Each
 * of the two is one slice and every other package is one; a cycle between any two slices fails the test and names
 * the classes that close it.
 */
class PackageCyclesTest {
    private static final String ROOT = "dev.coldbrew.runtime";

    @Test
    void packagesOfTheRuntimeHaveNoCycles() throws Exception {
        Path classes = Path.of(
                Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses module = new ClassFileImporter().importPath(classes);

        slices().assignedFrom(new Layers()).should().beFreeOfCycles().check(module);
    }

    /** The entry classes, the API, then one slice per package; classes of other modules are in none. */
    private static final class Layers implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                String top = javaClass.getName().substring(ROOT.length() + 1).split("\\$", 2)[0];
                return top.equals(Main.class.getSimpleName()) || top.equals(LambdaRuntime.class.getSimpleName())
                        ? SliceIdentifier.of(ROOT + " (entry: Main, LambdaRuntime)")
                        : SliceIdentifier.of(ROOT + " (API)");
            }
            // dev.coldbrew.runtime.api is the coldbrew-runtime-api module, not a package of this one.
            return name.startsWith(ROOT + ".") && !name.equals(ROOT + ".api") && !name.startsWith(ROOT + ".api.")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the layers of coldbrew-runtime";
        }
    }
}
