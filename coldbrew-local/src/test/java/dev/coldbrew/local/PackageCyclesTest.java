package dev.coldbrew.local;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packages of coldbrew-local depend on each other one way only: the root package ({@code dev.coldbrew.local}:
 * LocalLambda and HttpInvokeServer, the entry points) on the others, {@code invokeapi} on {@code http} and
 * {@code function}, {@code environment} on {@code cgroup}, {@code meter}, {@code runtimeapi}, {@code isolation}, {@code http} and
 * {@code function}. Each package is one slice; a cycle between any two fails the test and names the classes that
 * close it.
 */
class PackageCyclesTest {
    @Test
    void packagesOfTheLocalLambdaHaveNoCycles() throws Exception {
        Path classes = Path.of(LocalLambda.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        JavaClasses module = new ClassFileImporter().importPath(classes);

        slices().assignedFrom(new EachPackage()).should().beFreeOfCycles().check(module);
    }

    /** One slice per package of the module, named after the package; classes of other modules are in none. */
    private static final class EachPackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.coldbrew.local") || name.startsWith("dev.coldbrew.local.")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of coldbrew-local";
        }
    }
}
