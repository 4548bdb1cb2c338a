package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * events/sam-local-env.json (README, "sam local invoke") only works for variables the template declares (SAM CLI
 * overrides, never adds), and it replaces JAVA_TOOL_OPTIONS whole, so it must keep the template's flags.
 */
class SamLocalEnvTest {

    @Test
    void everyVariable_declaredByTheTemplate_andJavaToolOptionsKeepsTheTemplatesFlags() {
        JsonNode env = JsonMapper.builder().build().readTree(Repo.text("events/sam-local-env.json")).path("Parameters");
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Repo.template().get("Globals"))
                .get("Function")).get("Environment")).get("Variables");
        Set<Object> declared = new HashSet<>(globals.keySet());
        ((Map<?, ?>) Repo.template().get("Resources")).values().forEach(r -> {
            if (((Map<?, ?>) r).get("Properties") instanceof Map<?, ?> p && p.get("Environment") instanceof Map<?, ?> e
                    && e.get("Variables") instanceof Map<?, ?> vars) {
                declared.addAll(vars.keySet());
            }
        });

        assertThat(env.propertyNames()).isNotEmpty().allSatisfy(name -> assertThat(declared).contains(name));
        assertThat(env.path("JAVA_TOOL_OPTIONS").asString()).startsWith(globals.get("JAVA_TOOL_OPTIONS") + " ")
                .contains("-DAWS_ENDPOINT_URL_S3=", "-DAWS_ENDPOINT_URL_DYNAMODB=", "-DAWS_ENDPOINT_URL_SFN=");
    }
}
