package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.media.ChunkPlanner;
import dev.clipflow.media.HlsTiming;
import dev.clipflow.media.MediaLimits;
import dev.clipflow.testing.template.CfnYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The naming and safety conventions of template.yaml that cfn-lint does not know about. */
class TemplateConventionsTest {

    /**
     * Every module of functions/pom.xml is the code of a template function, and every function's code is a module.
     * A function's module is the one named like the function ({@code UploadApiFunction}: {@code upload-api}), or
     * else the module its name starts with: one zip may hold the beans of a few functions that belong together
     * ({@code LiveAuthorizerFunction}, {@code LiveConnectionsFunction} and {@code LiveNotifierFunction} in
     * {@code live}); the bean is always named after the function ({@code liveAuthorizer}), the start class after
     * the module.
     */
    @Test
    void functions_areTheFunctionModules_eachNamedByTheModuleConvention() {
        Map<String, Map<String, Object>> functions = resourcesOfType("AWS::Serverless::Function");
        List<String> modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Repo.text("functions/pom.xml")).results().map(m -> m.group(1)).toList();

        List<String> used = new ArrayList<>();
        functions.forEach((logicalId, props) -> {
            String pascal = logicalId.replaceFirst("Function$", "");
            String module = moduleOf(kebab(logicalId), modules);
            assertThat(module).as("the module of %s (functions/pom.xml)", logicalId).isNotNull();
            used.add(module);
            String bean = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
            String modulePascal = java.util.Arrays.stream(module.split("-"))
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).reduce("", String::concat);
            assertThat(props.get("CodeUri")).as(logicalId)
                    .isEqualTo("functions/" + module + "/target/" + module + ".zip");
            Map<?, ?> env = (Map<?, ?>) ((Map<?, ?>) props.get("Environment")).get("Variables");
            assertThat(env.get("MAIN_CLASS")).as(logicalId)
                    .isEqualTo("dev.clipflow." + module.replace("-", "") + "." + modulePascal + "Application");
            assertThat(env.get("SPRING_CLOUD_FUNCTION_DEFINITION")).as(logicalId).isEqualTo(bean);
            assertThat(Repo.text("functions/" + module + "/src/main/resources/application.properties"))
                    .as(logicalId + ": a functional start class (docs/adr/0015) runs without the function scan")
                    .containsPattern("(?m)^spring\\.cloud\\.function\\.scan\\.enabled=false$");
        });
        assertThat(used).as("every module of functions/pom.xml is some template function's code")
                .containsAll(modules);
    }

    /** The module named {@code kebab}, else the longest module {@code kebab} starts with followed by a dash. */
    private static String moduleOf(String kebab, List<String> modules) {
        if (modules.contains(kebab)) {
            return kebab;
        }
        return modules.stream().filter(m -> kebab.startsWith(m + "-"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    /** {@code UploadApiFunction} -> {@code upload-api}, the function's module directory. */
    private static String kebab(String logicalId) {
        return logicalId.replaceFirst("Function$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Test
    void policies_neverAllowEveryActionOnEveryResource() {
        List<Map<?, ?>> statements = new ArrayList<>();
        collectStatements(Repo.template().get("Resources"), statements);

        assertThat(statements).isNotEmpty();
        for (Map<?, ?> statement : statements) {
            if (!"Allow".equals(statement.get("Effect"))) {
                continue;
            }
            List<Object> actions = statement.get("Action") instanceof List<?> l
                    ? List.copyOf(l) : List.of(statement.get("Action"));
            assertThat(actions).as("statement %s", statement).doesNotContain("*");
            if ("*".equals(statement.get("Resource"))) {
                assertThat(actions).as("statement %s", statement)
                        .allSatisfy(a -> assertThat(a.toString()).doesNotEndWith(":*"));
            }
        }
    }

    @Test
    void chunkParameters_defaultToThePlannersAndStayWithinTheMeasuredOnePassLimit() {
        Map<?, ?> parameters = (Map<?, ?>) Repo.template().get("Parameters");
        Map<?, ?> above = (Map<?, ?>) parameters.get("ChunkedAboveSeconds");
        Map<?, ?> seconds = (Map<?, ?>) parameters.get("ChunkSeconds");
        Map<?, ?> concurrency = (Map<?, ?>) parameters.get("ChunkConcurrency");

        assertThat(((Number) above.get("MaxValue")).doubleValue())
                .as("ChunkedAboveSeconds may not exceed MediaLimits.ONE_PASS_MAX_SECONDS")
                .isEqualTo(MediaLimits.ONE_PASS_MAX_SECONDS);
        assertThat(((Number) above.get("Default")).doubleValue())
                .isEqualTo(ChunkPlanner.DEFAULT_CHUNKED_ABOVE_SECONDS);
        assertThat(((Number) seconds.get("Default")).intValue()).isEqualTo(ChunkPlanner.DEFAULT_CHUNK_SECONDS);
        assertThat((List<?>) seconds.get("AllowedValues")).allSatisfy(v ->
                assertThat(((Number) v).intValue() % HlsTiming.SEGMENT_SECONDS).as("%s s chunks", v).isZero());
        assertThat(((Number) concurrency.get("Default")).intValue()).isEqualTo(ChunkPlanner.DEFAULT_MAX_CONCURRENCY);
        assertThat(((Number) concurrency.get("MaxValue")).intValue()).isEqualTo(ChunkPlanner.MAX_CONCURRENCY);
    }

    @Test
    void ingest_isTriggeredByEventBridgeNotABucketNotification() {
        Map<String, Object> ingest = resourcesOfType("AWS::Serverless::Function").get("IngestFunction");
        Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) ingest.get("Events")).get("ObjectCreated");

        assertThat(event.get("Type")).isEqualTo("EventBridgeRule");
        assertThat(((Map<?, ?>) event.get("Properties")).get("DeadLetterConfig")).isNotNull();
    }

    @Test
    void catalogTables_areExactlyAsTheCatalogAdrDeclaresThem() {
        String adr = Repo.text("docs/adr/0003-catalog-data-model.md");
        int start = adr.indexOf("```yaml") + "```yaml".length();
        Map<String, Object> declared = CfnYaml.parse(adr.substring(start, adr.indexOf("```", start)), "ADR 0003");
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) Repo.template().get("Resources");

        assertThat(declared).containsOnlyKeys("VideosTable", "ChannelsTable");
        declared.forEach((id, table) -> assertThat(resources.get(id)).as(id).isEqualTo(table));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Object> resources = (Map<String, Object>) Repo.template().get("Resources");
        Map<String, Map<String, Object>> found = new java.util.LinkedHashMap<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.put(id, (Map<String, Object>) resource.get("Properties"));
            }
        });
        return found;
    }

    private static void collectStatements(Object node, List<Map<?, ?>> statements) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Statement") instanceof List<?> list) {
                list.stream().filter(Map.class::isInstance).forEach(s -> statements.add((Map<?, ?>) s));
            }
            map.values().forEach(v -> collectStatements(v, statements));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectStatements(v, statements));
        }
    }
}
