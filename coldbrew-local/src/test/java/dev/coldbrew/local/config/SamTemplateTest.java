package dev.coldbrew.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.apigateway.ApiRoute;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    @TempDir
    Path dir;

    @Test
    void readsFunctionsWithGlobals() throws IOException {
        Files.createDirectories(dir.resolve("build/hello"));
        Path template = write("""
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 20
                    MemorySize: 512
                    Environment:
                      Variables:
                        STAGE: local
                Resources:
                  HelloFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: build/hello
                      Handler: example.Hello::handleRequest
                      Runtime: java21
                      MemorySize: 1024
                      ReservedConcurrentExecutions: 2
                      Environment:
                        Variables:
                          GREETING: hi
                          COUNT: 3
                      Events:
                        Api:
                          Type: Api
                          Properties: { Path: /hello, Method: get }
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "${AWS::StackName}-data"
                """);

        List<FunctionConfig> functions = SamTemplate.load(template);

        assertThat(functions).hasSize(1);
        FunctionConfig f = functions.getFirst();
        assertThat(f.name()).isEqualTo("HelloFunction");
        assertThat(f.code()).isEqualTo(dir.resolve("build/hello").toAbsolutePath());
        assertThat(f.runtime()).isEqualTo(RuntimeKind.JAVA21);
        assertThat(f.handler()).isEqualTo("example.Hello::handleRequest");
        assertThat(f.memoryMb()).isEqualTo(1024);
        assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(f.reservedConcurrency()).isEqualTo(2);
        assertThat(f.environment()).isEqualTo(Map.of("STAGE", "local", "GREETING", "hi", "COUNT", "3"));
    }

    @Test
    void badValuesAreNamed() throws IOException {
        assertThatThrownBy(() -> SamTemplate.load(function("MemorySize: lots")))
                .hasMessageContaining("Resources.Fn.Properties.MemorySize 'lots': expected a whole number");
        assertThatThrownBy(() -> SamTemplate.load(function("MemorySize: 64")))
                .hasMessageContaining("Resources.Fn: function Fn: memory size (MB) 64 is outside 128..10240");
        assertThatThrownBy(() -> SamTemplate.load(function("Timeout: !Ref TimeoutParam")))
                .hasMessageContaining("Properties.Timeout '!Ref TimeoutParam': refers to TimeoutParam, which is neither"
                        + " a parameter of the template nor a pseudo parameter");
        assertThatThrownBy(() -> SamTemplate.load(function("Timeout: !GetAtt Other.Arn")))
                .hasMessageContaining("Properties.Timeout '!GetAtt Other.Arn': this intrinsic function cannot be"
                        + " resolved locally");
        assertThatThrownBy(() -> SamTemplate.load(write("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                        + "    Properties:\n      Runtime: nodejs20.x\n      CodeUri: .\n")))
                .hasMessageContaining("Runtime 'nodejs20.x'")
                .hasMessageContaining("valid runtimes are provided.al2023");
        assertThatThrownBy(() -> SamTemplate.load(write("Resources: [1, 2]\n")))
                .hasMessageContaining("Resources must be a mapping");
        assertThatThrownBy(() -> SamTemplate.load(write("Resources:\n  B:\n    Type: AWS::S3::Bucket\n")))
                .hasMessageContaining("has no AWS::Serverless::Function");
        assertThatThrownBy(() -> SamTemplate.load(write("Resources: {\n"))).hasMessageContaining("is not valid YAML");
    }

    @Test
    void refsToParametersArePseudoParametersAndOverridesAreResolved() throws IOException {
        Files.createDirectories(dir.resolve("build/hello"));
        Path template = write("""
                Parameters:
                  Stage: { Type: String, Default: dev, AllowedValues: [dev, prod] }
                  Memory: { Type: Number, Default: 512 }
                  Code: { Type: String, Default: build/hello }
                Globals:
                  Function:
                    MemorySize: !Ref Memory
                    Environment:
                      Variables:
                        STAGE: { Ref: Stage }
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: !Ref Code
                      Handler: example.Hello
                      Runtime: java17
                      FunctionName: !Sub "${AWS::StackName}-hello-${Stage}"
                      Timeout: !Ref AWS::NoValue
                      Environment:
                        Variables:
                          REGION_SEEN: !Ref AWS::Region
                          ACCOUNT: !Sub "${AWS::AccountId}"
                """);

        FunctionConfig f = SamTemplate.load(template).getFirst();
        assertThat(f.name()).isEqualTo("local-hello-dev");
        assertThat(f.code()).isEqualTo(dir.resolve("build/hello").toAbsolutePath());
        assertThat(f.runtime()).isEqualTo(RuntimeKind.JAVA17);
        assertThat(f.memoryMb()).isEqualTo(512);
        assertThat(f.timeout()).isEqualTo(FunctionConfig.DEFAULT_TIMEOUT);
        assertThat(f.environment())
                .isEqualTo(Map.of("STAGE", "dev", "REGION_SEEN", "us-east-1", "ACCOUNT", "000000000000"));

        FunctionConfig overridden = SamTemplate.read(template, Map.of("Stage", "prod", "Memory", "1024"), "eu-west-1")
                .functions()
                .getFirst();
        assertThat(overridden.name()).isEqualTo("local-hello-prod");
        assertThat(overridden.memoryMb()).isEqualTo(1024);
        assertThat(overridden.environment()).containsEntry("REGION_SEEN", "eu-west-1");

        assertThatThrownBy(() -> SamTemplate.read(template, Map.of("Stage", "test"), "us-east-1"))
                .hasMessageContaining("parameter Stage 'test' is not one of its AllowedValues [dev, prod]");
        assertThatThrownBy(() -> SamTemplate.read(template, Map.of("Stges", "x"), "us-east-1"))
                .hasMessageContaining("parameter override Stges: the template declares no such parameter"
                        + " (it declares [Stage, Memory, Code])");
    }

    @Test
    void aRefToAParameterWithoutDefaultOrOverrideNamesTheParameter() throws IOException {
        Path template = write("""
                Parameters:
                  TableName: { Type: String }
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: provided.al2023
                      CodeUri: .
                      Environment: { Variables: { TABLE: !Ref TableName } }
                """);

        assertThatThrownBy(() -> SamTemplate.load(template))
                .hasMessageContaining("Resources.Fn.Properties.Environment.Variables.TABLE '!Ref TableName':"
                        + " parameter TableName has no Default; give it one or pass --parameter-overrides"
                        + " TableName=VALUE");
        assertThat(SamTemplate.read(template, Map.of("TableName", "t1"), "us-east-1")
                        .functions()
                        .getFirst()
                        .environment())
                .isEqualTo(Map.of("TABLE", "t1"));
    }

    @Test
    void errorsNameGlobalsWhenTheValueCameFromThere() throws IOException {
        String globals = """
                Globals:
                  Function:
                    MemorySize: lots
                    Environment: { Variables: { GLOBAL: !GetAtt Table.Arn } }
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: provided.al2023
                      CodeUri: .
                """;
        assertThatThrownBy(() -> SamTemplate.load(write(globals)))
                .hasMessageContaining(": Globals.Function.MemorySize 'lots': expected a whole number");
        assertThatThrownBy(() -> SamTemplate.load(write(globals.replace("MemorySize: lots", "MemorySize: 256"))))
                .hasMessageContaining(": Globals.Function.Environment.Variables.GLOBAL '!GetAtt Table.Arn'");
        assertThatThrownBy(() -> SamTemplate.load(write(globals + "      MemorySize: many\n")))
                .hasMessageContaining(": Resources.Fn.Properties.MemorySize 'many'");
    }

    @Test
    void aJarCodeUriIsAcceptedForJavaAndAMissingOneDoesNotExist() throws IOException {
        Files.writeString(dir.resolve("function.jar"), "PK");
        String template = """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: p.H::handleRequest
                      CodeUri: %s
                """;

        assertThat(SamTemplate.load(write(template.formatted("function.jar")))
                        .getFirst()
                        .code())
                .isEqualTo(dir.resolve("function.jar").toAbsolutePath());
        assertThatThrownBy(() -> SamTemplate.load(write(template.formatted("target/missing.jar"))))
                .hasMessageContaining("Resources.Fn: function Fn: code '"
                        + dir.toAbsolutePath().resolve("target/missing.jar") + "' does not exist");
    }

    @Test
    void apiEventsBecomeRoutesAndOtherEventsAreListedAsIgnored() throws IOException {
        Path template = write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: hello
                      Runtime: provided.al2023
                      CodeUri: .
                      Events:
                        Hello: { Type: Api, Properties: { Path: /hello, Method: get } }
                        Items: { Type: HttpApi, Properties: { Path: "/items/{id}", PayloadFormatVersion: "1.0" } }
                        Catch: { Type: HttpApi }
                        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
                """);

        SamTemplate.Template read = SamTemplate.read(template, Map.of(), "us-east-1");

        assertThat(read.apiRoutes())
                .containsExactly(
                        new ApiRoute("hello", "GET", "/hello", ApiRoute.PayloadFormat.V1, "Fn.Events.Hello"),
                        new ApiRoute("hello", "ANY", "/items/{id}", ApiRoute.PayloadFormat.V1, "Fn.Events.Items"),
                        new ApiRoute("hello", "ANY", "$default", ApiRoute.PayloadFormat.V2, "Fn.Events.Catch"));
        assertThat(read.ignoredEvents()).containsExactly("Fn.Events.Nightly (Schedule)");
        assertThatThrownBy(() -> SamTemplate.load(write(Files.readString(template)
                        .replace("Catch: { Type: HttpApi }", "Catch: { Type: Api, Properties: { Method: get } }"))))
                .hasMessageContaining(
                        "Resources.Fn.Properties.Events.Catch.Properties: Path is required for an Api" + " event");
    }

    @Test
    void tenancyConfigPerTenantSetsTenantIsolation() throws IOException {
        assertThat(SamTemplate.load(function("TenancyConfig: { TenantIsolationMode: PER_TENANT }"))
                        .getFirst()
                        .perTenant())
                .isTrue();
        assertThat(SamTemplate.load(function("Timeout: 3")).getFirst().perTenant())
                .isFalse();
        assertThatThrownBy(() -> SamTemplate.load(function("TenancyConfig: { TenantIsolationMode: SHARED }")))
                .hasMessageContaining("Properties.TenancyConfig.TenantIsolationMode 'SHARED': the only tenant"
                        + " isolation mode is PER_TENANT");
        assertThatThrownBy(() -> SamTemplate.load(function("TenancyConfig: PER_TENANT")))
                .hasMessageContaining("Properties.TenancyConfig 'PER_TENANT': expected a mapping");
    }

    @Test
    void capacityProviderConfigRunsTheFunctionOnManagedInstances() throws IOException {
        Path template = write("""
                Globals:
                  Function:
                    Runtime: java25
                    Handler: example.Hello::handleRequest
                    CodeUri: .
                    MemorySize: 4096
                Resources:
                  Sam:
                    Type: AWS::Serverless::Function
                    Properties:
                      CapacityProviderConfig:
                        Arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:fleet-1
                        PerExecutionEnvironmentMaxConcurrency: 64
                        ExecutionEnvironmentMemoryGiBPerVCpu: 4.0
                  Intrinsic:
                    Type: AWS::Serverless::Function
                    Properties:
                      CapacityProviderConfig:
                        Arn: !GetAtt Fleet.Arn
                  CloudFormationForm:
                    Type: AWS::Serverless::Function
                    Properties:
                      CapacityProviderConfig:
                        LambdaManagedInstancesCapacityProviderConfig:
                          CapacityProviderArn: arn:aws:lambda:eu-west-1:123456789012:capacity-provider:p
                          PerExecutionEnvironmentMaxConcurrency: 3
                  Plain:
                    Type: AWS::Serverless::Function
                """);

        Map<String, FunctionConfig> byName = new java.util.HashMap<>();
        SamTemplate.load(template).forEach(f -> byName.put(f.name(), f));

        var sam = byName.get("Sam").managedInstances();
        assertThat(sam.capacityProviderArn())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:capacity-provider:fleet-1");
        assertThat(sam.maxConcurrency()).isEqualTo(64);
        assertThat(sam.memoryGiBPerVcpu()).isEqualTo(4.0);
        var intrinsic = byName.get("Intrinsic").managedInstances();
        assertThat(intrinsic.capacityProviderArn()).as("kept as written").isEqualTo("!GetAtt Fleet.Arn");
        assertThat(intrinsic.maxConcurrency())
                .as("32 per vCPU, 4096 MB at 2 GiB a vCPU")
                .isEqualTo(64);
        assertThat(byName.get("CloudFormationForm").environmentConcurrency()).isEqualTo(3);
        assertThat(byName.get("Plain").managed()).isFalse();
    }

    @Test
    void badCapacityProviderConfigsAreNamed() throws IOException {
        assertThatThrownBy(() -> SamTemplate.load(
                        function("CapacityProviderConfig: { PerExecutionEnvironmentMaxConcurrency: 4 }")))
                .hasMessageContaining(
                        "Resources.Fn.Properties.CapacityProviderConfig.Arn 'null': a capacity provider ARN"
                                + " is required");
        assertThatThrownBy(() -> SamTemplate.load(function("CapacityProviderConfig: { Arn: my-fleet }")))
                .hasMessageContaining("CapacityProviderConfig.Arn 'my-fleet': capacity provider ARN 'my-fleet' is not"
                        + " of the form");
        String arn = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:p";
        assertThatThrownBy(() -> SamTemplate.load(function(
                        "CapacityProviderConfig: { Arn: " + arn + ", PerExecutionEnvironmentMaxConcurrency: 2000 }")))
                .hasMessageContaining("PerExecutionEnvironmentMaxConcurrency 2000 is outside 1..1600");
        assertThatThrownBy(() -> SamTemplate.load(function(
                        "CapacityProviderConfig: { Arn: " + arn + ", ExecutionEnvironmentMemoryGiBPerVCpu: 16 }")))
                .hasMessageContaining("ExecutionEnvironmentMemoryGiBPerVCpu 16.0 is outside 2.0..8.0");
        assertThatThrownBy(() -> SamTemplate.load(function("CapacityProviderConfig: fleet")))
                .hasMessageContaining("Resources.Fn.Properties.CapacityProviderConfig 'fleet': expected a mapping");
        Files.writeString(
                dir.resolve("template.yaml"),
                "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                        + "      Runtime: java17\n      Handler: H\n      CodeUri: .\n"
                        + "      CapacityProviderConfig: { Arn: " + arn + " }\n");
        assertThatThrownBy(() -> SamTemplate.load(dir.resolve("template.yaml")))
                .hasMessageContaining("runtime java17 does not run on Lambda Managed Instances");
    }

    @Test
    void managedInstancesRefuseProvidedAl2NamingTheRuntimeAsWritten() throws IOException {
        String arn = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:p";
        Path template = write("""
                Globals:
                  Function:
                    Runtime: provided.al2
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: .
                      CapacityProviderConfig: { Arn: %s }
                """.formatted(arn));
        assertThatThrownBy(() -> SamTemplate.load(template))
                .hasMessageEndingWith("Resources.Fn: function Fn: runtime provided.al2 does not run on Lambda Managed"
                        + " Instances (Java 21 and later, provided.al2023 do)");
        assertThat(SamTemplate.load(function("CapacityProviderConfig: { Arn: " + arn + " }")))
                .singleElement()
                .satisfies(f -> assertThat(f.managed()).isTrue());
    }

    private Path function(String property) throws IOException {
        return write("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: provided.al2023\n      CodeUri: .\n      " + property + "\n");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }
}
