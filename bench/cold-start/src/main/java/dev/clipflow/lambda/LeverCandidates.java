package dev.clipflow.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogInitializer;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.cloud.function.utils.FunctionClassUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.ObjectMapper;

/**
 * The cold-start benchmark's lever candidates (bench/cold-start/run.sh, issue 13): the function's handler
 * ({@link RequestIdFunctionInvoker}, SCF's invocation) on a context started as {@link FunctionContext} starts it
 * with some of the handler's trims undone, so each trim is measured on its own in the same rounds. Each candidate
 * keeps the trims of the one before it:
 * <ul>
 *   <li>{@code scf-untrimmed}: the handler as it was before the trims: Spring Boot's {@code LoggingSystem} (and the
 *   {@code logging.level.*} binding) and SCF's own functional registrar ({@link ContextFunctionCatalogInitializer});
 *   </li>
 *   <li>{@code scf-trim-catalog}: the catalog registered by the handler ({@link FunctionCatalogBeans}) but with
 *   SCF's JSON mapper (the Joda-Time module);</li>
 *   <li>{@code scf-trim-joda}: the handler's catalog and JSON mapper, Boot's logging;</li>
 *   <li>{@code scf-trim-logging}: the handler's logging ({@link FunctionLogging}) too; Spring's commons-logging
 *   still resolved through Log4j's API, as before (the probe sets that for this candidate).</li>
 * </ul>
 * {@code scf}, the function as built, adds commons-logging straight to SLF4J (lambda-handler's service file).
 */
public final class LeverCandidates {
    private LeverCandidates() {
    }

    /** The candidates, in the order each adds a trim. */
    public static final List<String> NAMES = List.of("scf-untrimmed", "scf-trim-catalog", "scf-trim-joda",
            "scf-trim-logging");

    /** The handler of {@code bean} for the candidate {@code name}. */
    public static RequestStreamHandler handler(String name, String bean) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("No lever candidate " + name + ": one of " + NAMES);
        }
        boolean bootLogging = !name.equals("scf-trim-logging");
        StandardEnvironment environment = FunctionContext.environment(LeverCandidates.class.getClassLoader());
        if (bootLogging) {
            bootLogging(environment);
        } else {
            FunctionLogging.configure(environment);
        }
        Class<?> startClass = FunctionClassUtils.getStartClass();
        GenericApplicationContext context = switch (name) {
            case "scf-untrimmed" -> scfRegistrar(startClass, environment);
            case "scf-trim-catalog" -> withScfJsonMapper(FunctionContext.create(startClass, environment));
            case "scf-trim-joda", "scf-trim-logging" -> FunctionContext.create(startClass, environment);
            default -> throw new IllegalStateException(name);
        };
        context.refresh();
        return new RequestIdFunctionInvoker(context, bean);
    }

    /** As FunctionContext did before issue 13's trims: SCF's functional registrar, then the start class. */
    @SuppressWarnings("unchecked")
    private static GenericApplicationContext scfRegistrar(Class<?> startClass, StandardEnvironment environment) {
        environment.getPropertySources().addLast(
                new MapPropertySource("functionDefaults", Map.of("spring.functional.enabled", "true")));
        GenericApplicationContext context = new GenericApplicationContext();
        context.setDisplayName(startClass.getName());
        context.setClassLoader(startClass.getClassLoader());
        context.setEnvironment(environment);
        new ContextFunctionCatalogInitializer().initialize(context);
        ((ApplicationContextInitializer<GenericApplicationContext>) BeanUtils.instantiateClass(startClass))
                .initialize(context);
        return context;
    }

    /** The handler's catalog with SCF's JSON mapper in place of the handler's (as SCF's registrar builds it). */
    private static GenericApplicationContext withScfJsonMapper(GenericApplicationContext context) {
        context.registerBean(ObjectMapper.class, () -> new ObjectMapper());
        context.registerBean(JsonMapper.class,
                () -> new ContextFunctionCatalogAutoConfiguration.JsonMapperConfiguration().jsonMapper(context));
        return context;
    }

    /** As FunctionContext did before issue 13's trims: Spring Boot's LoggingSystem and its level binding. */
    private static void bootLogging(StandardEnvironment environment) {
        ClassLoader loader = LeverCandidates.class.getClassLoader();
        LoggingSystem logging = LoggingSystem.get(loader);
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
        Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, String.class))
                .ifBound(levels -> levels.forEach((logger, level) -> logging.setLogLevel(
                        logger.equalsIgnoreCase(LoggingSystem.ROOT_LOGGER_NAME) ? null : logger,
                        LogLevel.valueOf(level.trim().toUpperCase(Locale.ROOT)))));
    }
}
