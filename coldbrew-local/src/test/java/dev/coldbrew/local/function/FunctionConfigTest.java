package dev.coldbrew.local.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionConfigTest {

    @TempDir
    Path code;

    @Test
    void defaultsAreLambdas() {
        FunctionConfig f = FunctionConfig.of("hello", code, RuntimeKind.PROVIDED, null);

        assertThat(f.memoryMb()).isEqualTo(128);
        assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(f.reservedConcurrency()).isEqualTo(FunctionConfig.UNRESERVED);
        assertThat(f.handler()).isEmpty();
        assertThat(f.perTenant()).isFalse();
    }

    @Test
    void tenantIsolationSurvivesEveryOtherSetting() {
        FunctionConfig f = FunctionConfig.of("hello", code, RuntimeKind.PROVIDED, null)
                .withPerTenant(true)
                .withMemoryMb(256)
                .withTimeout(Duration.ofSeconds(5))
                .withReservedConcurrency(2)
                .withEnvironment(Map.of("K", "v"));

        assertThat(f.perTenant()).isTrue();
        assertThat(f.withPerTenant(false).perTenant()).isFalse();
    }

    @Test
    void tenantIdsFollowLambdasForm() {
        assertThat(Tenancy.invalidTenantId(null)).isNull();
        assertThat(Tenancy.invalidTenantId("a-Z_0.9:/=+@ x")).isNull();
        assertThat(Tenancy.invalidTenantId("x".repeat(256))).isNull();
        assertThat(Tenancy.invalidTenantId("x".repeat(257))).contains("1 to 256");
        assertThat(Tenancy.invalidTenantId("")).contains("''");
        assertThat(Tenancy.invalidTenantId("a#b")).contains("'a#b'");
        FunctionConfig plain = FunctionConfig.of("plain", code, RuntimeKind.PROVIDED, null);
        assertThat(Tenancy.refusal(plain, null)).isEmpty();
        assertThat(Tenancy.refusal(plain, "t"))
                .hasValueSatisfying(m -> assertThat(m).contains("plain").contains("'t'"));
        assertThat(Tenancy.refusal(plain.withPerTenant(true), "t")).isEmpty();
        assertThat(Tenancy.refusal(plain.withPerTenant(true), null))
                .hasValueSatisfying(m -> assertThat(m).contains("PER_TENANT"));
    }

    @Test
    void invalidValuesAreNamedInTheError() {
        FunctionConfig ok = FunctionConfig.of("hello", code, RuntimeKind.PROVIDED, "h");

        assertThatThrownBy(() -> FunctionConfig.of("bad name", code, RuntimeKind.PROVIDED, "h"))
                .hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> FunctionConfig.of("x".repeat(65), code, RuntimeKind.PROVIDED, "h"))
                .hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> ok.withMemoryMb(127))
                .hasMessageContaining("memory size (MB) 127 is outside 128..10240");
        assertThatThrownBy(() -> ok.withMemoryMb(10241)).hasMessageContaining("10241");
        assertThatThrownBy(() -> ok.withTimeout(Duration.ofSeconds(901))).hasMessageContaining("901.0 s");
        assertThatThrownBy(() -> ok.withTimeout(Duration.ofMillis(500))).hasMessageContaining("0.5 s");
        assertThatThrownBy(() -> ok.withReservedConcurrency(1001)).hasMessageContaining("reserved concurrency 1001");
        assertThatThrownBy(() -> ok.withEnvironment(Map.of("AWS_REGION", "x")))
                .hasMessageContaining("AWS_REGION is reserved");
        assertThatThrownBy(() -> ok.withEnvironment(Map.of("1BAD", "x"))).hasMessageContaining("'1BAD'");
        assertThatThrownBy(() -> ok.withEnvironment(Map.of("BIG", "x".repeat(5000))))
                .hasMessageContaining("4 KB");
        assertThatThrownBy(() -> FunctionConfig.of("hello", code.resolve("missing"), RuntimeKind.PROVIDED, "h"))
                .hasMessage("function hello: code '" + code.resolve("missing") + "' does not exist");
        assertThatThrownBy(() -> FunctionConfig.of("hello", code, RuntimeKind.JAVA21, " "))
                .hasMessageContaining("runtime java21 needs a handler");
    }

    @Test
    void aJarIsCodeForTheJavaRuntimesOnly() throws IOException {
        Path jar = Files.writeString(code.resolve("function.jar"), "PK");

        assertThat(FunctionConfig.of("hello", jar, RuntimeKind.JAVA17, "p.H").code())
                .isEqualTo(jar);
        assertThat(FunctionConfig.of("hello", jar, RuntimeKind.COLDBREW, "p.H").code())
                .isEqualTo(jar);
        assertThatThrownBy(() -> FunctionConfig.of("hello", jar, RuntimeKind.PROVIDED, null))
                .hasMessage("function hello: code '" + jar + "' is a .jar, which only the Java runtimes accept;"
                        + " runtime provided.al2023 needs a directory or a .zip file");
        Path text = Files.writeString(code.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> FunctionConfig.of("hello", text, RuntimeKind.JAVA21, "p.H"))
                .hasMessage("function hello: code '" + text + "' is neither a directory nor a .zip or .jar file");
    }

    @Test
    void runtimeKindsParseLambdaIdentifiers() {
        assertThat(RuntimeKind.parse("provided.al2023")).isEqualTo(RuntimeKind.PROVIDED);
        assertThat(RuntimeKind.parse("Java21")).isEqualTo(RuntimeKind.JAVA21);
        assertThat(RuntimeKind.parse("java25")).isEqualTo(RuntimeKind.JAVA25);
        assertThat(RuntimeKind.parse("coldbrew")).isEqualTo(RuntimeKind.COLDBREW);
        assertThat(RuntimeKind.parse("go1.x")).isEqualTo(RuntimeKind.GO1X);
        assertThat(RuntimeKind.parse("java17")).isEqualTo(RuntimeKind.JAVA17);
        assertThat(RuntimeKind.JAVA17.isManagedJava()).isTrue();
        assertThat(RuntimeKind.JAVA17.hasTelemetryLog()).isTrue();
        assertThatThrownBy(() -> RuntimeKind.parse("java8"))
                .hasMessage("unknown runtime 'java8': valid runtimes are provided.al2023, provided.al2, provided,"
                        + " java17, java21, java25, coldbrew, go1.x");
    }
}
