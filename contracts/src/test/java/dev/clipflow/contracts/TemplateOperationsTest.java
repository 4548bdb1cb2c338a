package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operational limits of template.yaml: what caps the concurrency and the request rate an untrusted caller can
 * cause, how long logs are kept, and where secrets live.
 */
class TemplateOperationsTest {

    /** AWS keeps at least this much of an account's Region-wide concurrency unreserved. */
    private static final int MIN_UNRESERVED = 100;
    /** Lambda's default Region-wide concurrency limit of an account. */
    private static final int DEFAULT_ACCOUNT_LIMIT = 1000;

    private static final Map<String, Object> TEMPLATE = Repo.template();

    @Test
    void expensiveFunctions_haveReservedConcurrencyFromAParameterThatFitsTheDefaultAccountLimit() {
        int reserved = 0;
        for (String id : List.of("ProbeFunction", "TranscodeFunction", "TranscodeChunkFunction", "StitchFunction")) {
            Object value = function(id).get("ReservedConcurrentExecutions");
            assertThat(value).as("%s ReservedConcurrentExecutions", id).isNotNull();
            String parameter = reservedParameter(id, value);
            Map<?, ?> declared = (Map<?, ?>) parameters().get(parameter);
            assertThat(declared).as("parameter %s of %s", parameter, id).isNotNull();
            int byDefault = ((Number) declared.get("Default")).intValue();
            assertThat(byDefault).as("default of %s", parameter).isPositive();
            reserved += byDefault;
        }
        assertThat(reserved).as("reserved by default, leaving AWS's minimum unreserved of a default account")
                .isLessThanOrEqualTo(DEFAULT_ACCOUNT_LIMIT - MIN_UNRESERVED);
    }

    @Test
    void chunkFunctionsReservedConcurrency_isTheMapsConcurrency_soChunksAreNeverThrottledByTheirOwnMap() {
        Object reserved = function("TranscodeChunkFunction").get("ReservedConcurrentExecutions");
        Object mapConcurrency = variables("ProbeFunction").get("CHUNK_CONCURRENCY");

        assertThat(mapConcurrency).isEqualTo(Map.of("Ref", "ChunkConcurrency"));
        assertThat(reservedParameter("TranscodeChunkFunction", reserved)).isEqualTo("ChunkConcurrency");
        assertThat(Repo.asl().at("/States/Transcode the chunks/MaxConcurrencyPath").textValue())
                .isEqualTo("$.probe.plan.maxConcurrency");
    }

    @Test
    void httpApi_throttlesEveryRouteWithParameters() {
        Map<?, ?> api = (Map<?, ?>) resources("AWS::Serverless::HttpApi").get("HttpApi");
        Map<?, ?> route = (Map<?, ?>) api.get("DefaultRouteSettings");

        assertThat(route).as("HttpApi DefaultRouteSettings").isNotNull();
        assertThat(route.get("ThrottlingRateLimit")).isEqualTo(Map.of("Ref", "ApiThrottlingRateLimit"));
        assertThat(route.get("ThrottlingBurstLimit")).isEqualTo(Map.of("Ref", "ApiThrottlingBurstLimit"));
        for (String p : List.of("ApiThrottlingRateLimit", "ApiThrottlingBurstLimit")) {
            assertThat(((Number) ((Map<?, ?>) parameters().get(p)).get("Default")).intValue()).as(p).isPositive();
        }
    }

    @Test
    void everyFunction_logsToItsOwnLogGroupWithTheRetentionParameter() {
        Map<String, Map<String, Object>> groups = resources("AWS::Logs::LogGroup");
        Map<String, Map<String, Object>> functions = resources("AWS::Serverless::Function");

        assertThat(functions).hasSizeGreaterThanOrEqualTo(12);
        functions.forEach((id, props) -> {
            Map<?, ?> logging = (Map<?, ?>) props.get("LoggingConfig");
            assertThat(logging).as("%s LoggingConfig", id).isNotNull();
            Object ref = ((Map<?, ?>) logging.get("LogGroup")).get("Ref");
            assertThat(groups).as("%s's log group %s", id, ref).containsKey(String.valueOf(ref));
        });
        assertThat(groups.values().stream().map(g -> g.get("LogGroupName")).distinct()).hasSize(groups.size());
        groups.forEach((id, props) -> assertThat(props.get("RetentionInDays")).as("%s RetentionInDays", id)
                .isEqualTo(Map.of("Ref", "LogRetentionDays")));
        assertThat(((Map<?, ?>) parameters().get("LogRetentionDays")).get("Default")).isEqualTo(30);
    }

    @Test
    void cursorSecret_isReadFromSecretsManagerByArn_neverPutIntoTheEnvironment() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) TEMPLATE.get("Globals")).get("Function");

        assertThat(String.valueOf(globals.get("Environment"))).doesNotContain("{{resolve:");
        resources("AWS::Serverless::Function").keySet().forEach(id -> assertThat(String.valueOf(variables(id)))
                .as("%s environment: a dynamic reference would put the secret's value there", id)
                .doesNotContain("{{resolve:"));
        assertThat(variables("SocialApiFunction").get("CURSOR_SECRET_ARN")).isEqualTo(Map.of("Ref", "CursorSecret"));
        assertThat(variables("SocialApiFunction").containsKey("CURSOR_SECRET")).isFalse();
    }

    @Test
    void secretGrants_exactlyTheSecretsAFunctionIsGivenTheArnOf() {
        resources("AWS::Serverless::Function").forEach((id, props) -> {
            List<Object> read = new ArrayList<>();
            variables(id).forEach((name, value) -> {
                if (String.valueOf(name).endsWith("_SECRET_ARN")) {
                    read.add(value);
                }
            });
            List<Object> granted = new ArrayList<>();
            for (Object policy : (List<?>) props.getOrDefault("Policies", List.of())) {
                Object template = policy instanceof Map<?, ?> m ? m.get("AWSSecretsManagerGetSecretValuePolicy") : null;
                if (template instanceof Map<?, ?> grant) {
                    granted.add(grant.get("SecretArn"));
                } else {
                    assertThat(String.valueOf(policy)).as("%s: secrets only through the SAM policy template", id)
                            .doesNotContainIgnoringCase("secretsmanager");
                }
            }
            assertThat(granted).as("%s: GetSecretValue on the secrets it reads, no other", id)
                    .containsExactlyInAnyOrderElementsOf(read);
        });
        assertThat(variables("SocialApiFunction").get("CURSOR_SECRET_ARN")).isNotNull();
    }

    @Test
    void everyFunction_runsTheHandlerThatLogsTheRequestId() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) TEMPLATE.get("Globals")).get("Function");

        assertThat(globals.get("Handler")).isEqualTo("dev.clipflow.lambda.RequestIdFunctionInvoker::handleRequest");
        resources("AWS::Serverless::Function").forEach((id, props) ->
                assertThat(props).as("%s keeps the global handler", id).doesNotContainKey("Handler"));
    }

    @Test
    void noPowertoolsLeftovers_inTheTemplateOrThePoms() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) TEMPLATE.get("Globals")).get("Function");
        Map<?, ?> global = (Map<?, ?>) ((Map<?, ?>) globals.get("Environment")).get("Variables");

        assertThat(global.keySet()).noneMatch(k -> String.valueOf(k).startsWith("POWERTOOLS_"));
        resources("AWS::Serverless::Function").keySet().forEach(id -> assertThat(variables(id).keySet())
                .as(id).noneMatch(k -> String.valueOf(k).startsWith("POWERTOOLS_")));
        assertThat(Repo.text("pom.xml")).doesNotContainIgnoringCase("powertools");
    }

    /** The parameter of a reserved concurrency: {@code !Ref P} or {@code !If [c, !Ref P, !Ref AWS::NoValue]}. */
    private static String reservedParameter(String id, Object value) {
        Object chosen = value;
        if (value instanceof Map<?, ?> m && m.get("Fn::If") instanceof List<?> branches) {
            assertThat(branches.get(2)).as("%s: the other branch is unreserved", id)
                    .isEqualTo(Map.of("Ref", "AWS::NoValue"));
            chosen = branches.get(1);
        }
        assertThat(chosen).as("%s ReservedConcurrentExecutions is a parameter", id).isInstanceOf(Map.class);
        return String.valueOf(((Map<?, ?>) chosen).get("Ref"));
    }

    static Map<?, ?> parameters() {
        return (Map<?, ?>) TEMPLATE.get("Parameters");
    }

    static Map<String, Object> function(String id) {
        Map<String, Object> props = resources("AWS::Serverless::Function").get(id);
        assertThat(props).as(id).isNotNull();
        return props;
    }

    static Map<?, ?> variables(String functionId) {
        return (Map<?, ?>) ((Map<?, ?>) function(functionId).get("Environment")).get("Variables");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Object>) TEMPLATE.get("Resources")).forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.put(id, (Map<String, Object>) resource.get("Properties"));
            }
        });
        return found;
    }
}
