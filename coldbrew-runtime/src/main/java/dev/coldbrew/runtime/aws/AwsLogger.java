package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.coldbrew.runtime.FunctionLogger;
import java.nio.charset.StandardCharsets;

/**
 * coldbrew's {@link FunctionLogger} seen through AWS's {@link LambdaLogger}. {@code UNDEFINED} (and the
 * level-less methods) log without a level, never filtered, as in AWS's runtime.
 */
final class AwsLogger implements LambdaLogger {
    private final FunctionLogger logger;

    AwsLogger(FunctionLogger logger) {
        this.logger = logger;
    }

    @Override
    public void log(String message) {
        logger.log(message);
    }

    @Override
    public void log(byte[] message) {
        logger.log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        dev.coldbrew.runtime.LogLevel mapped = map(level);
        if (mapped == null) {
            logger.log(message);
        } else {
            logger.log(mapped, message);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    private static dev.coldbrew.runtime.LogLevel map(LogLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case TRACE -> dev.coldbrew.runtime.LogLevel.TRACE;
            case DEBUG -> dev.coldbrew.runtime.LogLevel.DEBUG;
            case INFO -> dev.coldbrew.runtime.LogLevel.INFO;
            case WARN -> dev.coldbrew.runtime.LogLevel.WARN;
            case ERROR -> dev.coldbrew.runtime.LogLevel.ERROR;
            case FATAL -> dev.coldbrew.runtime.LogLevel.FATAL;
            case UNDEFINED -> null;
        };
    }
}
