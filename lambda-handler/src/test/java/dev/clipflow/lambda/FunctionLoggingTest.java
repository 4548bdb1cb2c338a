package dev.clipflow.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.util.Map;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The levels and the format a function's environment sets, read as Spring Boot read them: properties, Lambda's
 * {@code LOGGING_LEVEL_*} variables (the template sets one), the first source naming a logger winning. (The lines
 * themselves: {@link EcsEncoderTest}; logging configured through the handler: {@link RequestIdFunctionInvokerTest}.)
 */
class FunctionLoggingTest {

    @Test
    void levels_propertiesAndVariables_byLoggerName() {
        StandardEnvironment environment = environment(
                Map.of("logging.level.dev.clipflow.ingest.Ingest", "debug"),
                Map.of("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS", "WARN",
                        "LOGGING_LEVEL_ROOT", "error", "AWS_REGION", "us-east-1"));

        assertThat(FunctionLogging.levels(environment)).containsOnly(
                Map.entry("dev.clipflow.ingest.Ingest", Level.DEBUG),
                Map.entry("org.springframework.cloud.function.adapter.aws", Level.WARN),
                Map.entry(Logger.ROOT_LOGGER_NAME, Level.ERROR));
    }

    @Test
    void levels_sameLoggerInTwoSources_theFirstSourceWins() {
        StandardEnvironment environment = environment(Map.of("logging.level.dev.clipflow", "trace"),
                Map.of("LOGGING_LEVEL_DEV_CLIPFLOW", "info"));
        environment.getPropertySources().addLast(
                new MapPropertySource("applicationProperties", Map.of("logging.level.dev.clipflow", "warn")));

        assertThat(FunctionLogging.levels(environment)).containsExactly(Map.entry("dev.clipflow", Level.TRACE));
    }

    @Test
    void levels_fatalAndOff_asBootMapsThemForLogback() {
        StandardEnvironment environment = environment(
                Map.of("logging.level.a", "FATAL", "logging.level.b", " off "), Map.of());

        assertThat(FunctionLogging.levels(environment)).containsOnly(
                Map.entry("a", Level.ERROR), Map.entry("b", Level.OFF));
    }

    @Test
    void levels_variableNotALevel_isNamed() {
        StandardEnvironment environment = environment(Map.of(), Map.of("LOGGING_LEVEL_DEV_CLIPFLOW", "chatty"));

        assertThatThrownBy(() -> FunctionLogging.levels(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOGGING_LEVEL_DEV_CLIPFLOW").hasMessageContaining("chatty");
    }

    @Test
    void configure_formatOtherThanEcs_isNamed() {
        StandardEnvironment environment = environment(Map.of(FunctionLogging.CONSOLE_FORMAT, "logstash"), Map.of());

        assertThatThrownBy(() -> FunctionLogging.configure(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(FunctionLogging.CONSOLE_FORMAT).hasMessageContaining("logstash");
    }

    @Test
    void commonsLogging_springsLoggers_goStraightToSlf4j() {
        assertThat(LogFactory.getFactory()).isInstanceOf(Slf4jLogFactory.class);
        assertThat(LogFactory.getLog(FunctionLoggingTest.class).getClass().getName())
                .as("not the Log4j API adapter, which log4j-to-slf4j would send back to SLF4J").doesNotContain("Log4j");
    }

    /** An environment of two sources only, as the handler's: properties first, then variables. */
    private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addLast(new MapPropertySource("properties", properties));
        sources.addLast(new SystemEnvironmentPropertySource("variables", variables));
        return environment;
    }
}
