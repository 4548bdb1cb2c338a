package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweeper's wiring in template.yaml: its windows are derived from the settings they depend on (so changing
 * one without the other fails here), it runs on a schedule, and its role is narrow (docs/adr/0010; its one Step
 * Functions grant starts the deletion workflow, docs/adr/0014).
 */
class SweeperTemplateTest {
    private static final int DAY = 86_400;

    @Test
    void uploadWindow_coversAnOpenUploadsLifeAndIngestsLastRetryOfACompletedOne() {
        List<?> rules = (List<?>) path(resource("UploadsBucket"), "Properties", "LifecycleConfiguration", "Rules");
        int uploadDays = rules.stream().map(r -> (Map<?, ?>) ((Map<?, ?>) r).get("AbortIncompleteMultipartUpload"))
                .filter(a -> a != null).map(a -> ((Number) a.get("DaysAfterInitiation")).intValue())
                .findFirst().orElseThrow();
        Map<?, ?> ingest = properties("IngestFunction");
        int ruleEventAge = ((Number) path(ingest, "Events", "ObjectCreated", "Properties", "RetryPolicy",
                "MaximumEventAgeInSeconds")).intValue();

        assertThat(environment("SweeperFunction", "UPLOAD_WINDOW_SECONDS"))
                .isEqualTo(Math.max(uploadDays * DAY, ruleEventAge + asyncEventAge(ingest)));
    }

    @Test
    void processingWindow_isTheExecutionTimeoutPlusIngestsLastRetry() {
        int executionTimeout = Repo.asl().get("TimeoutSeconds").asInt();

        assertThat(environment("SweeperFunction", "PROCESSING_WINDOW_SECONDS"))
                .isEqualTo(executionTimeout + asyncEventAge(properties("IngestFunction")));
    }

    @Test
    void deletionWindow_isTheDeletionTimeoutPlusTheLongestAStartCanFollowTheRecordsChange() {
        int deletionTimeout = JsonMapper.builder().build().readTree(Repo.text(DeletionCoverageTest.DELETION_ASL))
                .get("TimeoutSeconds").asInt();
        int startDelay = Math.max(timeout("SweeperFunction"), timeout("UploadApiFunction"));

        assertThat(environment("SweeperFunction", "DELETION_WINDOW_SECONDS")).isEqualTo(deletionTimeout + startDelay);
    }

    @Test
    void sweeper_mayStartTheDeletionWorkflowOnly() {
        List<?> policies = (List<?>) properties("SweeperFunction").get("Policies");

        assertThat(policies.stream().filter(p -> p.toString().contains("StepFunctions")).toList()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo(
                        "{StepFunctionsExecutionPolicy={StateMachineName={Fn::GetAtt=[VideoDeletion, Name]}}}"));
    }

    @Test
    void sweeper_runsOnAScheduleAndQueriesOnlyItsIndex() {
        Map<?, ?> sweeper = properties("SweeperFunction");
        Map<?, ?> events = (Map<?, ?>) sweeper.get("Events");

        assertThat(events.values()).singleElement().satisfies(e -> {
            assertThat(((Map<?, ?>) e).get("Type")).isEqualTo("Schedule");
            assertThat(path((Map<?, ?>) e, "Properties", "Schedule").toString()).startsWith("rate(");
        });
        String policies = sweeper.get("Policies").toString();
        assertThat(policies).contains("dynamodb:Query", "/index/bySweepQueue", "s3:AbortMultipartUpload")
                .doesNotContain("dynamodb:Scan", "dynamodb:DeleteItem", "s3:PutObject", "s3:GetObject", "states:");
    }

    private static int timeout(String function) {
        return ((Number) properties(function).get("Timeout")).intValue();
    }

    private static int asyncEventAge(Map<?, ?> function) {
        return ((Number) path(function, "EventInvokeConfig", "MaximumEventAgeInSeconds")).intValue();
    }

    private static int environment(String function, String name) {
        return Integer.parseInt(path(properties(function), "Environment", "Variables", name).toString());
    }

    private static Map<?, ?> properties(String logicalId) {
        return (Map<?, ?>) resource(logicalId).get("Properties");
    }

    private static Map<?, ?> resource(String logicalId) {
        return (Map<?, ?>) ((Map<?, ?>) Repo.template().get("Resources")).get(logicalId);
    }

    private static Object path(Map<?, ?> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<?, ?>) current).get(key);
        }
        return current;
    }
}
