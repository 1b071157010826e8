package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                        new RuntimeApiAddress("127.0.0.1", 9001),
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
                        "AWS_LAMBDA_MAX_CONCURRENCY is 'many': expected a number of concurrent invocations from 1 to 1024");
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
}
