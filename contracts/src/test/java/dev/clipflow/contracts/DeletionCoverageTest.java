package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting a video covers every store it can be in (docs/adr/0014): every {@code AWS::DynamoDB::Table} and
 * {@code AWS::S3::Bucket} of template.yaml is named by a state of the deletion workflow (the {@code covers} list of
 * a step's payload, or of the state naming the stores that hold no video id), so a new table or bucket without a
 * deletion step fails the build.
 */
class DeletionCoverageTest {
    static final String DELETION_ASL = "statemachine/video-deletion.asl.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyTableAndBucket_isCoveredByANamedStateOfTheDeletionWorkflow() {
        assertThat(uncovered(Repo.template(), asl())).as("tables and buckets no deletion step covers").isEmpty();
    }

    @Test
    void aNewTableWithoutADeletionStep_failsTheCheck() {
        Map<String, Object> copy = new LinkedHashMap<>(Repo.template());
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = new LinkedHashMap<>((Map<String, Object>) copy.get("Resources"));
        resources.put("WatchLaterTable", Map.of("Type", "AWS::DynamoDB::Table", "Properties", Map.of()));
        resources.put("ClipsBucket", Map.of("Type", "AWS::S3::Bucket"));
        copy.put("Resources", resources);

        assertThat(uncovered(copy, asl())).containsExactly("ClipsBucket", "WatchLaterTable");
    }

    @Test
    void everyCoveredName_isATableOrBucketOfTheTemplate_andTheWorkflowIsTheTemplates() {
        Map<String, List<String>> covered = covered(asl());
        assertThat(stores(Repo.template())).containsAll(covered.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) ((Map<String, Object>) Repo.template().get("Resources"))
                .get("VideoDeletion");
        assertThat(machine.get("Type")).isEqualTo("AWS::Serverless::StateMachine");
        assertThat(((Map<?, ?>) machine.get("Properties")).get("DefinitionUri")).isEqualTo(DELETION_ASL);
    }

    /** The template's tables and buckets that no state of {@code asl} covers, sorted. */
    static Set<String> uncovered(Map<String, Object> template, JsonNode asl) {
        Set<String> out = new TreeSet<>(stores(template));
        out.removeAll(covered(asl).keySet());
        return out;
    }

    @SuppressWarnings("unchecked")
    static Set<String> stores(Map<String, Object> template) {
        Set<String> out = new TreeSet<>();
        ((Map<String, Object>) template.get("Resources")).forEach((id, r) -> {
            Object type = ((Map<String, Object>) r).get("Type");
            if ("AWS::DynamoDB::Table".equals(type) || "AWS::S3::Bucket".equals(type)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Store logical id -> the states that cover it. */
    static Map<String, List<String>> covered(JsonNode asl) {
        Map<String, List<String>> out = new TreeMap<>();
        for (var state : asl.get("States").properties()) {
            JsonNode covers = state.getValue().path("Parameters").path("Payload").path("covers");
            if (covers.isMissingNode()) {
                covers = state.getValue().path("Result").path("covers");
            }
            for (JsonNode store : covers) {
                out.computeIfAbsent(store.asString(), k -> new ArrayList<>()).add(state.getKey());
            }
        }
        return out;
    }

    private static JsonNode asl() {
        return JSON.readTree(Repo.text(DELETION_ASL));
    }
}
