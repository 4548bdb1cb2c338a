package dev.clipflow.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.BeanUtils;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.cloud.function.utils.FunctionClassUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * A function's Spring context as the handler starts it (docs/adr/0015): a bare {@link GenericApplicationContext}
 * with Spring Cloud Function's function catalog ({@link FunctionCatalogBeans}: SCF's catalog, JSON mapper and
 * message converters) and the function's start class (an {@code ApplicationContextInitializer}) applied, then
 * refreshed. What {@link FunctionalSpringApplication} adds on top, Spring Boot's {@code SpringApplication} run
 * (config-data loading, binding {@code spring.main.*}, the listeners and initializers of every
 * {@code spring.factories}, the banner), is start-up none of our functions uses; the two things of it they do use
 * are done here directly:
 * <ul>
 *   <li>the environment: system properties, then environment variables, then the function's
 *   {@code application.properties} (Boot's order for these three);</li>
 *   <li>logging, configured from that environment ({@link FunctionLogging}: one ECS JSON object a line for
 *   {@code logging.structured.format.console=ecs}, the {@code logging.level.*} properties and
 *   {@code LOGGING_LEVEL_*} variables).</li>
 * </ul>
 */
public final class FunctionContext {
    private FunctionContext() {
    }

    /**
     * Starts the context of the start class {@code MAIN_CLASS} names (Spring Cloud Function's
     * {@link FunctionClassUtils#getStartClass()}), after logging is configured: the lookup logs a line.
     */
    public static GenericApplicationContext start() {
        StandardEnvironment environment = environment(FunctionContext.class.getClassLoader());
        FunctionLogging.configure(environment);
        return start(FunctionClassUtils.getStartClass(), environment);
    }

    /**
     * Starts the context of {@code startClass}, which must be an {@code ApplicationContextInitializer}
     * (every function's start class is; docs/adr/0015).
     *
     * @throws IllegalStateException naming the class if it is not functional
     */
    public static GenericApplicationContext start(Class<?> startClass) {
        StandardEnvironment environment = environment(startClass.getClassLoader());
        FunctionLogging.configure(environment);
        return start(startClass, environment);
    }

    private static GenericApplicationContext start(Class<?> startClass, StandardEnvironment environment) {
        GenericApplicationContext context = create(startClass, environment);
        context.refresh();
        context.registerShutdownHook();
        return context;
    }

    /**
     * The context before its refresh: the function catalog and the start class applied (a step of its own for the
     * cold-start breakdown, bench/cold-start).
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
        FunctionCatalogBeans.register(context);
        ((ApplicationContextInitializer<GenericApplicationContext>) BeanUtils.instantiateClass(startClass))
                .initialize(context);
        return context;
    }

    static StandardEnvironment environment(ClassLoader loader) {
        StandardEnvironment environment = new StandardEnvironment();
        ClassPathResource properties = new ClassPathResource("application.properties", loader);
        if (properties.exists()) {
            try {
                environment.getPropertySources().addLast(
                        new ResourcePropertySource("applicationProperties", properties));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + properties, e);
            }
        }
        return environment;
    }
}
