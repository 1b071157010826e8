package dev.coldbrew.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionFlagTest {

    @TempDir
    Path dir;

    @Test
    void parsesEveryKey() {
        FunctionConfig f = FunctionFlag.parse(
                "name=hello,code=.,runtime=java25,handler=a.B::c,memory=512,timeout=10,concurrency=2,env.K=v", dir);

        assertThat(f.name()).isEqualTo("hello");
        assertThat(f.code()).isEqualTo(dir.toAbsolutePath());
        assertThat(f.runtime()).isEqualTo(RuntimeKind.JAVA25);
        assertThat(f.handler()).isEqualTo("a.B::c");
        assertThat(f.memoryMb()).isEqualTo(512);
        assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(f.reservedConcurrency()).isEqualTo(2);
        assertThat(f.environment()).isEqualTo(Map.of("K", "v"));
    }

    @Test
    void tenancyPerTenantSetsTenantIsolation() {
        assertThat(FunctionFlag.parse("name=t,code=.,runtime=provided,tenancy=per-tenant", dir)
                        .perTenant())
                .isTrue();
        assertThat(FunctionFlag.parse("name=t,code=.,runtime=provided,tenancy=PER_TENANT", dir)
                        .perTenant())
                .isTrue();
        assertThat(FunctionFlag.parse("name=t,code=.,runtime=provided", dir).perTenant())
                .isFalse();
        assertThatThrownBy(() -> FunctionFlag.parse("name=t,code=.,runtime=provided,tenancy=shared", dir))
                .hasMessageContaining("tenancy 'shared' is not a tenant isolation mode");
    }

    @Test
    void maxConcurrencyRunsTheFunctionOnManagedInstances() {
        FunctionConfig f = FunctionFlag.parse("name=m,code=.,runtime=java25,handler=H,max-concurrency=8", dir);
        assertThat(f.managed()).isTrue();
        assertThat(f.environmentConcurrency()).isEqualTo(8);
        assertThat(f.managedInstances().capacityProviderArn()).isEqualTo("local");
        assertThat(FunctionFlag.parse("name=m,code=.,runtime=provided", dir).managed())
                .isFalse();
        assertThat(FunctionFlag.parse("name=m,code=.,runtime=provided.al2023,max-concurrency=1600", dir)
                        .environmentConcurrency())
                .isEqualTo(1600);

        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=provided.al2023,max-concurrency=0", dir))
                .hasMessageContaining("function m: max-concurrency 0 is outside 1..1600");
        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=provided.al2023,max-concurrency=1601", dir))
                .hasMessageContaining("max-concurrency 1601 is outside 1..1600");
        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=provided.al2023,max-concurrency=many", dir))
                .hasMessageContaining("max-concurrency 'many' is not a whole number");
        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=java17,handler=H,max-concurrency=4", dir))
                .hasMessageContaining("runtime java17 does not run on Lambda Managed Instances");
        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=go1.x,handler=h,max-concurrency=4", dir))
                .hasMessageContaining("runtime go1.x does not run on Lambda Managed Instances");
        assertThatThrownBy(() -> FunctionFlag.parse(
                        "name=m,code=.,runtime=provided.al2023,tenancy=per-tenant,max-concurrency=4", dir))
                .hasMessageContaining("does not combine tenant isolation with Lambda Managed Instances");
    }

    @Test
    void managedInstancesTakeOnlyProvidedAl2023OfTheProvidedRuntimes() {
        assertThat(FunctionFlag.parse("name=m,code=.,runtime=PROVIDED.AL2023,max-concurrency=4", dir)
                        .managed())
                .isTrue();
        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=provided.al2,max-concurrency=4", dir))
                .hasMessage("function m: runtime provided.al2 does not run on Lambda Managed Instances (Java 21 and"
                        + " later, provided.al2023 do)");
        assertThatThrownBy(() -> FunctionFlag.parse("name=m,code=.,runtime=provided,max-concurrency=4", dir))
                .hasMessageStartingWith("function m: runtime provided does not run on Lambda Managed Instances");
        assertThat(FunctionFlag.parse("name=m,code=.,runtime=provided.al2", dir).managed())
                .as("without Managed Instances provided.al2 runs as before")
                .isFalse();
    }

    @Test
    void badSpecsAreNamed() {
        assertThatThrownBy(() -> FunctionFlag.parse("name=x,code=.", dir))
                .hasMessageContaining("'runtime' is required");
        assertThatThrownBy(() -> FunctionFlag.parse("name=x,code=.,runtime=provided,mem=5", dir))
                .hasMessageContaining("unknown key 'mem'");
        assertThatThrownBy(() -> FunctionFlag.parse("name=x,code=.,runtime=provided,memory=big", dir))
                .hasMessageContaining("memory 'big' is not a whole number");
        assertThatThrownBy(() -> FunctionFlag.parse("name=x,code=.,runtime=provided,oops", dir))
                .hasMessageContaining("'oops' is not key=value");
    }
}
