package dev.clipflow.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/** The function catalog the handler registers: SCF's, less what no function uses. */
class FunctionCatalogBeansTest {

    @Test
    void jsonMapper_configuredAsScfConfiguresIt_lessTheJodaModule() {
        ObjectMapper ours = ((JacksonMapper) FunctionCatalogBeans.jsonMapper()).getObjectMapper();
        ObjectMapper scfs = scfJsonMapper();

        for (SerializationFeature feature : SerializationFeature.values()) {
            assertThat(ours.isEnabled(feature)).as(feature.name()).isEqualTo(scfs.isEnabled(feature));
        }
        for (DeserializationFeature feature : DeserializationFeature.values()) {
            assertThat(ours.isEnabled(feature)).as(feature.name()).isEqualTo(scfs.isEnabled(feature));
        }
        for (StreamReadFeature feature : StreamReadFeature.values()) {
            assertThat(ours.isEnabled(feature)).as(feature.name()).isEqualTo(scfs.isEnabled(feature));
        }
        String joda = "tools.jackson.datatype.joda.JodaModule";
        assertThat(scfs.registeredModules()).extracting(JacksonModule::getModuleName).contains(joda);
        assertThat(ours.registeredModules()).extracting(JacksonModule::getModuleName)
                .containsExactlyElementsOf(scfs.registeredModules().stream().map(JacksonModule::getModuleName)
                        .filter(name -> !name.equals(joda)).toList());
    }

    @Test
    void catalog_registrationWithoutAType_isNamed() {
        GenericApplicationContext context = FunctionContext.create(Untyped.class,
                FunctionContext.environment(getClass().getClassLoader()));

        assertThatThrownBy(context::refresh).isInstanceOf(BeanCreationException.class)
                .rootCause().hasMessageContaining("[untyped]").hasMessageContaining("no type");
    }

    /** A start class that registers a function without FunctionBeans, so without its type. */
    public static class Untyped implements ApplicationContextInitializer<GenericApplicationContext> {
        @Override
        public void initialize(GenericApplicationContext context) {
            context.registerBean("untyped", FunctionRegistration.class,
                    () -> new FunctionRegistration<>((Function<String, String>) s -> s, "untyped"));
        }
    }

    /** SCF's own JSON mapper, as its registrar builds it on an ObjectMapper bean. */
    private static ObjectMapper scfJsonMapper() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(ObjectMapper.class, () -> new ObjectMapper());
            context.refresh();
            return ((JacksonMapper) new ContextFunctionCatalogAutoConfiguration.JsonMapperConfiguration()
                    .jsonMapper(context)).getObjectMapper();
        }
    }
}
