package dev.coldbrew.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.LogFormat;
import dev.coldbrew.runtime.LogLevel;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void readsEveryVariable() {
        Config config = Config.from(env(
                "_HANDLER", "a.B::c",
                "AWS_LAMBDA_FUNCTION_NAME", "f",
                "AWS_LAMBDA_FUNCTION_VERSION", "7",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769",
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/f",
                "AWS_LAMBDA_LOG_STREAM_NAME", "s",
                "AWS_LAMBDA_LOG_FORMAT", "json",
                "AWS_LAMBDA_LOG_LEVEL", "debug",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                "AWS_LAMBDA_MAX_CONCURRENCY", "32"));
        assertThat(config)
                .isEqualTo(new Config(
                        Config.Protocol.RUNTIME_API,
                        new RuntimeApiAddress("127.0.0.1", 9001),
                        0,
                        null,
                        Config.ResponseMode.BUFFERED,
                        "a.B::c",
                        new FunctionConfig(
                                "f", "7", 1769, "/aws/lambda/f", "s", LogFormat.JSON, LogLevel.DEBUG, "snap-start"),
                        32));
        assertThat(config.snapStart()).isTrue();
    }

    @Test
    void defaultsWhenOptionalVariablesAreAbsent() {
        FunctionConfig function = Config.from(env()).function();
        assertThat(function.memoryMb()).isEqualTo(FunctionConfig.MEMORY_UNKNOWN_MB);
        assertThat(function.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(function.logLevel()).isNull();
        assertThat(Config.from(env("AWS_LAMBDA_LOG_FORMAT", "JSON")).function().logLevel())
                .isEqualTo(LogLevel.INFO);
        assertThat(Config.from(env()).handler()).isNull();
        assertThat(Config.from(env()).maxConcurrency()).isEqualTo(1);
        assertThat(Config.from(env()).snapStart()).isFalse();
    }

    @Test
    void rejectsMalformedValuesNamingVariableAndValue() {
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_RUNTIME_API", "nohost")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("AWS_LAMBDA_RUNTIME_API is 'nohost': expected host:port");
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0")))
                .hasMessage("AWS_LAMBDA_FUNCTION_MEMORY_SIZE is '0': expected a memory size in MB from 1 to 10240");
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "99999")))
                .hasMessageContaining("'99999'");
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_LOG_FORMAT", "XML")))
                .hasMessage("AWS_LAMBDA_LOG_FORMAT is 'XML': expected TEXT or JSON");
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_LOG_LEVEL", "LOUD")))
                .hasMessage("AWS_LAMBDA_LOG_LEVEL is 'LOUD': expected one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_MAX_CONCURRENCY", "many")))
                .hasMessage(
                        "AWS_LAMBDA_MAX_CONCURRENCY is 'many': expected a number of concurrent invocations from 1 to 1600");
        assertThatThrownBy(() -> Config.from(env("AWS_LAMBDA_MAX_CONCURRENCY", "0")))
                .hasMessageContaining("'0'");
    }

    @Test
    void missingRuntimeApiIsAConfigError() {
        Map<String, String> env = env();
        env.remove("AWS_LAMBDA_RUNTIME_API");
        assertThatThrownBy(() -> Config.from(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not set");
    }

    @Test
    void theLambdaServerPortSelectsGo1xAndWinsOverTheRuntimeApi() {
        Config config = Config.from(env("_LAMBDA_SERVER_PORT", " 8001 ", "COLDBREW_TRANSPORT", " jni-go "));

        assertThat(config.protocol()).isEqualTo(Config.Protocol.GO1X);
        assertThat(config.serverPort()).isEqualTo(8001);
        assertThat(config.transportName()).isEqualTo("jni-go");
        assertThat(config.runtimeApi()).isNull();
        assertThat(config.maxConcurrency()).isEqualTo(1);
    }

    @Test
    void streamedResponsesRunOneLoopAndAreRefusedOnGo1x() {
        assertThat(Config.from(env("AWS_LAMBDA_MAX_CONCURRENCY", "8"), Config.ResponseMode.STREAMED)
                        .maxConcurrency())
                .isEqualTo(1);
        assertThatThrownBy(() -> Config.from(env("_LAMBDA_SERVER_PORT", "8001"), Config.ResponseMode.STREAMED))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("response streaming needs the Runtime API");
    }
}
