package dev.coldbrew.pack.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.pack.PackageException;
import org.junit.jupiter.api.Test;

class ModuleResolverTest {
    @Test
    void parsesJdepsLastLineAndAlwaysKeepsJavaBase() throws Exception {
        assertThat(ModuleResolver.parse("Warning: split package\njava.net.http,java.logging\n"))
                .containsExactly("java.base", "java.logging", "java.net.http");
        assertThat(ModuleResolver.parse("\n")).containsExactly("java.base");
    }

    @Test
    void attributesModulesOtherThanJavaBaseToTheJarsThatNeedThem() {
        String summary = "fn.jar -> /build/lib/cm3.jar\n"
                + "fn.jar -> java.base\n"
                + "cm3.jar -> java.base\n"
                + "cm3.jar -> java.desktop\n"
                + "other.jar -> java.desktop\n"
                + "other.jar -> java.net.http\n";
        assertThat(ModuleResolver.parseSummary(summary))
                .containsExactly("java.desktop <- cm3.jar, other.jar", "java.net.http <- other.jar");
    }

    @Test
    void aModularJarOfTheFunctionIsNoJdkModule() {
        String summary = "Warning: split package: org.json file:///task/lib/json.jar json.jar\n"
                + "fn.jar -> java.base\n"
                + "fn.jar -> org.json\n"
                + "org.json -> java.base\n"
                + "org.json -> java.sql\n";
        assertThat(ModuleResolver.parseSummary(summary)).containsExactly("java.sql <- org.json");
    }

    @Test
    void rejectsSomethingThatIsNotAModuleName() {
        assertThatThrownBy(() -> ModuleResolver.parseList("java.base, not a module", "--modules"))
                .isInstanceOf(PackageException.class)
                .hasMessage("invalid module name 'not a module' in --modules");
    }
}
