package dev.coldbrew.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .hasMessageContaining("Properties.Timeout '!Ref TimeoutParam': intrinsic functions cannot be resolved");
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

    private Path function(String property) throws IOException {
        return write("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: provided.al2023\n      CodeUri: .\n      " + property + "\n");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }
}
