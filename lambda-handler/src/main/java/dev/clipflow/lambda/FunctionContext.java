package dev.clipflow.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogInitializer;
import org.springframework.cloud.function.utils.FunctionClassUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * A function's Spring context as the handler starts it (docs/adr/0015): a bare {@link GenericApplicationContext}
 * with Spring Cloud Function's own catalog registration ({@link ContextFunctionCatalogInitializer}: the
 * {@code FunctionCatalog}, its JSON mapper and message converters) and the function's start class (an
 * {@code ApplicationContextInitializer}) applied, then refreshed. What {@link FunctionalSpringApplication} adds on
 * top, Spring Boot's {@code SpringApplication} run (config-data loading, binding {@code spring.main.*}, the
 * listeners and initializers of every {@code spring.factories}, the banner), is about 670 classes of start-up that
 * none of our functions uses; the two things of it they do use are done here directly:
 * <ul>
 *   <li>the environment: system properties, then environment variables, then the function's
 *   {@code application.properties} (Boot's order for these three);</li>
 *   <li>logging: Spring Boot's {@link LoggingSystem} initialised from that environment (so
 *   {@code logging.structured.format.console=ecs} still gives one JSON object a line) and the
 *   {@code logging.level.*} levels set, bound as Boot binds them (so {@code LOGGING_LEVEL_ORG_...} variables
 *   work).</li>
 * </ul>
 */
public final class FunctionContext {
    /** The property Spring Cloud Function's catalog registration needs to run (FunctionalSpringApplication sets it). */
    static final String FUNCTIONAL_ENABLED = "spring.functional.enabled";

    private FunctionContext() {
    }

    /**
     * Starts the context of the start class {@code MAIN_CLASS} names (Spring Cloud Function's
     * {@link FunctionClassUtils#getStartClass()}), after logging is initialised: the lookup logs a line.
     */
    public static GenericApplicationContext start() {
        ClassLoader loader = FunctionContext.class.getClassLoader();
        StandardEnvironment environment = environment(loader);
        initializeLogging(environment, loader);
        return start(FunctionClassUtils.getStartClass(), environment);
    }

    /**
     * Starts the context of {@code startClass}, which must be an {@code ApplicationContextInitializer}
     * (every function's start class is; docs/adr/0015).
     *
     * @throws IllegalStateException naming the class if it is not functional
     */
    public static GenericApplicationContext start(Class<?> startClass) {
        ClassLoader loader = startClass.getClassLoader();
        StandardEnvironment environment = environment(loader);
        initializeLogging(environment, loader);
        return start(startClass, environment);
    }

    private static GenericApplicationContext start(Class<?> startClass, StandardEnvironment environment) {
        GenericApplicationContext context = create(startClass, environment);
        context.refresh();
        context.registerShutdownHook();
        return context;
    }

    /**
     * The context before its refresh: Spring Cloud Function's catalog registration and the start class applied
     * (a step of its own for the cold-start breakdown, bench/cold-start).
     */
    @SuppressWarnings("unchecked")
    static GenericApplicationContext create(Class<?> startClass, StandardEnvironment environment) {
        if (!ApplicationContextInitializer.class.isAssignableFrom(startClass)) {
            throw new IllegalStateException("Start class " + startClass.getName() + " is not functional: a function's"
                    + " start class is an ApplicationContextInitializer<GenericApplicationContext> that registers its"
                    + " bean with FunctionBeans.register (docs/adr/0015)");
        }
        GenericApplicationContext context = new GenericApplicationContext();
        context.setDisplayName(startClass.getName());
        context.setClassLoader(startClass.getClassLoader());
        context.setEnvironment(environment);
        new ContextFunctionCatalogInitializer().initialize(context);
        ((ApplicationContextInitializer<GenericApplicationContext>) BeanUtils.instantiateClass(startClass))
                .initialize(context);
        return context;
    }

    static StandardEnvironment environment(ClassLoader loader) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        ClassPathResource properties = new ClassPathResource("application.properties", loader);
        if (properties.exists()) {
            try {
                sources.addLast(new ResourcePropertySource("applicationProperties", properties));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + properties, e);
            }
        }
        sources.addLast(new MapPropertySource("functionDefaults", Map.of(FUNCTIONAL_ENABLED, "true")));
        return environment;
    }

    static void initializeLogging(StandardEnvironment environment, ClassLoader loader) {
        LoggingSystem logging = LoggingSystem.get(loader);
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
        Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, String.class))
                .ifBound(levels -> levels.forEach((logger, level) -> logging.setLogLevel(
                        logger.equalsIgnoreCase(LoggingSystem.ROOT_LOGGER_NAME) ? null : logger,
                        level(logger, level))));
    }

    private static LogLevel level(String logger, String level) {
        try {
            return LogLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("logging.level." + logger + " is '" + level + "', not a level: one of "
                    + Arrays.toString(LogLevel.values()), e);
        }
    }
}
