package dev.clipflow.lambda;

import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogInitializer;
import org.springframework.cloud.function.context.config.JsonMessageConverter;
import org.springframework.cloud.function.context.config.SmartCompositeMessageConverter;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.cloud.function.utils.PrimitiveTypesFromStringMessageConverter;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;

/**
 * Spring Cloud Function's function catalog in a function's context, registered as SCF's functional registrar
 * ({@link ContextFunctionCatalogInitializer}) registers it, without the parts of that registrar none of our
 * functions uses (docs/adr/0015, issue 13):
 * <ul>
 *   <li>the catalog: SCF's {@link SimpleFunctionRegistry} with SCF's message converters (the context's own, such as
 *   the AWS adapter's converter {@link FunctionBeans} registers, then JSON on SCF's {@link JsonMapper}, byte
 *   array, string, primitives from strings) and a {@link DefaultConversionService}, with every
 *   {@link FunctionRegistration} bean registered in it; no {@code FunctionProperties} and no invocation helper,
 *   as SCF's registrar constructs it;</li>
 *   <li>the JSON mapper: SCF's {@link JacksonMapper} configured as SCF configures it, less the Joda-Time module
 *   ({@link #jsonMapper()}).</li>
 * </ul>
 * Left out: Spring's annotation processors (autowiring, {@code @PostConstruct}, {@code @EventListener}: a start
 * class registers plain objects with suppliers), Spring Boot's {@code @ConfigurationProperties} binding (it binds
 * SCF's {@code FunctionProperties}, which the functional catalog is not given), the property placeholder
 * configurer (no bean definition holds a placeholder), the function scan ({@code spring.cloud.function.scan.enabled}
 * is false in every function) and the background thread that builds a conversion service nothing asks for.
 */
final class FunctionCatalogBeans {
    /** SCF's property for the catalog's cache of looked-up functions, and its default. */
    static final String CACHE_SIZE = "spring.cloud.function.registry.cache-size";
    private static final int DEFAULT_CACHE_SIZE = 1000;

    private FunctionCatalogBeans() {
    }

    static void register(GenericApplicationContext context) {
        context.registerBean(JsonMapper.class, FunctionCatalogBeans::jsonMapper);
        context.registerBean(SimpleFunctionRegistry.class, () -> catalog(context));
    }

    /**
     * SCF's {@link JacksonMapper} on a Jackson mapper configured as SCF's
     * {@link ContextFunctionCatalogAutoConfiguration.JsonMapperConfiguration} configures it (empty beans, unknown
     * properties and nulls for primitives accepted, no source in parse locations), without the Joda-Time module it
     * always adds: no function's input or output has a Joda type, and the aws-lambda-java-events types that do are
     * read by the AWS adapter's converter with Lambda's own serialisers, not by this mapper.
     */
    static JsonMapper jsonMapper() {
        return new JacksonMapper(tools.jackson.databind.json.JsonMapper.builder()
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
                .configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION, false)
                .build());
    }

    private static SimpleFunctionRegistry catalog(GenericApplicationContext context) {
        JsonMapper jsonMapper = context.getBean(JsonMapper.class);
        List<MessageConverter> converters = new ArrayList<>(context.getBeansOfType(MessageConverter.class).values());
        converters.add(new JsonMessageConverter(jsonMapper));
        converters.add(new ByteArrayMessageConverter());
        converters.add(new StringMessageConverter());
        converters.add(new PrimitiveTypesFromStringMessageConverter(new DefaultConversionService()));
        int cacheSize = context.getEnvironment().getProperty(CACHE_SIZE, Integer.class, DEFAULT_CACHE_SIZE);
        SimpleFunctionRegistry catalog = new SimpleFunctionRegistry(new DefaultConversionService(),
                new SmartCompositeMessageConverter(converters), jsonMapper, null, null, cacheSize);
        for (FunctionRegistration<?> registration : context.getBeanProvider(FunctionRegistration.class)) {
            if (registration.getNames().isEmpty() || registration.getType() == null) {
                throw new IllegalStateException("Function registration " + registration.getNames() + " has no "
                        + (registration.getNames().isEmpty() ? "name" : "type") + ": register functions with"
                        + " FunctionBeans.register");
            }
            catalog.register(registration);
        }
        return catalog;
    }
}
