package dev.clipflow.lambda;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A function's logging, set up from its environment before its context starts (docs/adr/0015), directly on Logback
 * rather than through Spring Boot's {@code LoggingSystem} (whose start, with the property binding its structured
 * formats need, cost about 1,000 classes; issue 13):
 * <ul>
 *   <li>one console appender; {@code logging.structured.format.console=ecs} (every function's
 *   {@code application.properties}) gives one ECS JSON object a line ({@link EcsEncoder}, the shape Boot wrote), no
 *   format a plain pattern line, any other format is refused with its name;</li>
 *   <li>root at INFO, then the levels of {@code logging.level.<logger>} properties and {@code LOGGING_LEVEL_<LOGGER>}
 *   variables (lower-cased, {@code _} read as {@code .}, as Spring Boot binds them; also as system properties, as
 *   the local runtime passes a function's variables), the first property source that names a logger winning
 *   (system properties, variables, {@code application.properties}); {@code root} is the root logger;</li>
 *   <li>{@code java.util.logging} routed to SLF4J with its levels following Logback's, as Boot does.</li>
 * </ul>
 */
final class FunctionLogging {
    /** The property choosing the console's structured format. */
    static final String CONSOLE_FORMAT = "logging.structured.format.console";
    /** The only structured format the handler writes. */
    static final String ECS = "ecs";

    private static final String LEVEL_PROPERTY = "logging.level.";
    private static final String LEVEL_VARIABLE = "LOGGING_LEVEL_";
    private static final String ROOT = "root";
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5level [%thread] %logger : %msg%n";
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF");

    private FunctionLogging() {
    }

    /**
     * Configures Logback from {@code environment}; a level or format that is not one is refused before anything
     * changes.
     *
     * @throws IllegalStateException naming the property and its value
     */
    static void configure(ConfigurableEnvironment environment) {
        Map<String, Level> levels = levels(environment);
        String format = environment.getProperty(CONSOLE_FORMAT);
        if (format != null && !format.strip().equalsIgnoreCase(ECS)) {
            throw new IllegalStateException(CONSOLE_FORMAT + " is '" + format + "': the function handler writes "
                    + ECS + " (or, unset, plain lines)");
        }
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(logback);
        julLevels.setResetJUL(true);
        julLevels.start();
        logback.addListener(julLevels);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("console");
        console.setContext(logback);
        console.setEncoder(format == null ? patternEncoder() : new EcsEncoder());
        console.getEncoder().setContext(logback);
        console.getEncoder().start();
        console.start();
        ch.qos.logback.classic.Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(Level.INFO);
        levels.forEach((logger, level) -> logback.getLogger(logger).setLevel(level));
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** The levels the environment sets, by logger name ({@code ROOT} for the root logger). */
    static Map<String, Level> levels(ConfigurableEnvironment environment) {
        Map<String, Level> levels = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String logger = logger(name);
                    if (logger != null && !levels.containsKey(logger)) {
                        levels.put(logger, level(name, String.valueOf(enumerable.getProperty(name))));
                    }
                }
            }
        }
        return levels;
    }

    private static String logger(String property) {
        String logger;
        if (property.startsWith(LEVEL_PROPERTY)) {
            logger = property.substring(LEVEL_PROPERTY.length());
        } else if (property.startsWith(LEVEL_VARIABLE)) {
            logger = property.substring(LEVEL_VARIABLE.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        } else {
            return null;
        }
        return logger.equalsIgnoreCase(ROOT) ? Logger.ROOT_LOGGER_NAME : logger;
    }

    private static Level level(String property, String value) {
        String level = value.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalStateException(property + " is '" + value + "', not a level: one of " + LEVELS);
        }
        return level.equals("FATAL") ? Level.ERROR : Level.toLevel(level);
    }

    private static Encoder<ILoggingEvent> patternEncoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        return encoder;
    }
}
