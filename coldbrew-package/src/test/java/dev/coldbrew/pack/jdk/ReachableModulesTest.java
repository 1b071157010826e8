package dev.coldbrew.pack.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachableModulesTest {
    /** jdeps -verbose:class -filter:none output: a.Main uses lib.Used; lib.Unused alone needs java.desktop. */
    static final String JDEPS = """
            fn.jar -> java.base
               a.Main                                  -> java.lang.Object              java.base
               a.Main                                  -> lib.Used                      lib.jar
            lib.jar -> java.base
            lib.jar -> java.desktop
               lib.Used                                -> java.net.http.HttpClient      java.net.http
               lib.Used                                -> lib.Helper                    lib.jar
               lib.Helper                              -> java.util.logging.Logger      java.logging
               lib.Unused                              -> java.awt.geom.AffineTransform java.desktop
               lib.Unused                              -> gone.Missing                  not found
               lib.Provider                            -> java.sql.Date                 java.sql
            """;

    @Test
    void followsClassesFromTheRootsOnly() {
        assertThat(ReachableModules.walk(JDEPS, Set.of("a.Main")))
                .containsExactly("java.base", "java.logging", "java.net.http");
    }

    @Test
    void serviceProvidersAreRootsToo() {
        assertThat(ReachableModules.walk(JDEPS, Set.of("a.Main", "lib.Provider")))
                .contains("java.sql");
    }

    @Test
    void anUnknownRootStillGivesJavaBase() {
        assertThat(ReachableModules.walk(JDEPS, Set.of("x.Nothing"))).containsExactly("java.base");
    }

    /** A modular jar on the class path: jdeps names it by its module, org.json, where a JDK module would be named. */
    static final String JDEPS_WITH_A_MODULAR_JAR = """
            Warning: split package: org.json file:///task/lib/json-20260814.jar json-20260814.jar
            fn.jar -> java.base
            fn.jar -> org.json
               a.Main                                  -> java.lang.Object              java.base
               a.Main                                  -> org.json.JSONObject           org.json
            org.json
             [file:///task/lib/json-20260814.jar]
               requires mandated java.base
            org.json -> java.base
               org.json.JSONObject                     -> java.util.logging.Logger      java.logging
               org.json.Unused                         -> java.sql.Date                 java.sql
            """;

    @Test
    void aModularJarIsWalkedIntoNotTakenForAJdkModule() {
        assertThat(ReachableModules.walk(JDEPS_WITH_A_MODULAR_JAR, Set.of("a.Main")))
                .containsExactly("java.base", "java.logging");
    }
}
