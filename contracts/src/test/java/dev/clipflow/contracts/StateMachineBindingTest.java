package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.pipeline.PipelineInput;
import dev.clipflow.pipeline.ProbeResult;
import dev.clipflow.pipeline.TranscodeResult;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The state machine against template.yaml and against the records that travel through it. */
class StateMachineBindingTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void placeholders_everyOneBoundInDefinitionSubstitutions_andViceVersa() {
        Set<String> placeholders = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(Repo.text(Repo.ASL));
        while (m.find()) {
            placeholders.add(m.group(1));
        }

        Set<String> bound = substitutions().keySet();

        assertThat(placeholders).isNotEmpty().containsExactlyInAnyOrderElementsOf(bound);
    }

    @Test
    void definitionSubstitutions_bindFunctionAliasesTableAndBusNames() {
        substitutions().forEach((name, value) -> {
            if (name.endsWith("FunctionArn")) {
                assertThat(value).as(name).isEqualTo(Map.of("Ref", name.replace("Arn", "") + ".Alias"));
            } else if (name.endsWith("EventBusName")) {
                assertThat(value).as(name).isEqualTo(Map.of("Ref", name.replace("EventBusName", "EventBus")));
            } else {
                assertThat(name).as("a substitution is a function ARN, a table or a bus name").endsWith("TableName");
                assertThat(value).as(name).isEqualTo(Map.of("Ref", name.replace("TableName", "Table")));
            }
        });
    }

    @Test
    void definitionUri_isThisFile() {
        assertThat(stateMachine().get("DefinitionUri")).isEqualTo(Repo.ASL);
    }

    @Test
    void resultSelectors_selectExactlyTheResultRecordsComponents() {
        JsonNode states = Repo.asl().get("States");

        assertThat(selected(states.get("Probe the source"))).isEqualTo(components(ProbeResult.class));
        assertThat(selected(states.get("Transcode the HLS ladder"))).isEqualTo(components(TranscodeResult.class));
        assertThat(states.get("Probe the source").get("ResultPath").asString()).isEqualTo("$.probe");
        assertThat(states.get("Transcode the HLS ladder").get("ResultPath").asString()).isEqualTo("$.transcode");
    }

    @Test
    void lambdaTasks_passTheStateAndNeverATopLevelPayloadField() {
        StateMachineErrorNamesTest.forEachTask((name, task) -> {
            assertThat(task.get("Resource").asString()).isEqualTo("arn:aws:states:::lambda:invoke");
            JsonNode params = task.get("Parameters");
            assertThat(params.has("Payload.$") || params.has("Payload")).as(name).isTrue();
            if (params.has("Payload")) {
                assertThat(params.get("Payload").has("payload")).isFalse();
                assertThat(params.get("Payload").has("payload.$")).isFalse();
            }
        });
    }

    @Test
    void publishPayload_carriesPipelineInputExecutionIdAndRemainingTransitions() {
        JsonNode states = Repo.asl().get("States");
        JsonNode payload = states.get("Publish the video").get("Parameters").get("Payload");

        for (String field : components(PipelineInput.class)) {
            if (field.equals("executionName") || field.equals("maxDurationSeconds") || field.equals("maxCostUsd")
                    || field.equals("visibility")) {
                // Optional (null in hand-made inputs): a required "$.executionName" path would fail those
                // executions; publish logs the execution id from $$.Execution.Id instead. The duration limit
                // and the cost ceiling are the probe's business, the visibility the media stages' (publish takes
                // the keys they wrote).
                assertThat(payload.has(field + ".$")).as(field).isFalse();
                continue;
            }
            assertThat(payload.has(field + ".$")).as(field).isTrue();
        }
        assertThat(payload.get("executionId.$").asString()).isEqualTo("$$.Execution.Id");
        assertThat(payload.get("transitionsAfterThisState").asInt())
                .as("states entered after publish on the happy path")
                .isEqualTo(statesAfter(states, "Publish the video"));
    }

    @Test
    void taskTimeouts_exceedTheirFunctionsTimeout_soTheFunctionsOwnErrorSurfacesFirst() {
        Map<String, Object> template = Repo.template();
        @SuppressWarnings("unchecked")
        Map<String, Object> globals =
                (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        StateMachineErrorNamesTest.forEachTask((name, task) -> {
            String placeholder = task.get("Parameters").get("FunctionName").asString();
            String logicalId = placeholder.substring(2, placeholder.length() - 1).replace("Arn", "");
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId))
                    .get("Properties");
            int functionTimeout = (Integer) props.getOrDefault("Timeout", globals.get("Timeout"));
            assertThat(task.get("TimeoutSeconds").asInt()).as(name).isGreaterThan(functionTimeout);
        });
    }

    @Test
    void afterPublish_aParallelWhoseFailureNeverUnpublishes() {
        JsonNode states = Repo.asl().get("States");
        JsonNode parallel = states.get(states.get("Publish the video").get("Next").asString());

        assertThat(parallel.get("Type").asString()).isEqualTo("Parallel");
        assertThat(parallel.get("Branches")).hasSize(2);
        assertThat(parallel.get("Catch").get(0).get("Next").asString()).isEqualTo("Video published");
        assertThat(parallel.get("Next").asString()).isEqualTo("Video published");
        assertThat(parallel.toString()).doesNotContain("Clean up the failed video");
    }

    /** States entered after {@code name} on the happy path, counting each Parallel branch's states. */
    private static int statesAfter(JsonNode states, String name) {
        int count = 0;
        JsonNode state = states.get(name);
        while (state.has("Next")) {
            state = states.get(state.get("Next").asString());
            count += 1 + branchStates(state);
        }
        return count;
    }

    private static int branchStates(JsonNode state) {
        int count = 0;
        if (state.has("Branches")) {
            for (JsonNode branch : state.get("Branches")) {
                JsonNode inner = branch.get("States").get(branch.get("StartAt").asString());
                count += 1 + branchStates(inner);
                while (inner.has("Next")) {
                    inner = branch.get("States").get(inner.get("Next").asString());
                    count += 1 + branchStates(inner);
                }
            }
        }
        return count;
    }

    private static Set<String> selected(JsonNode task) {
        Set<String> fields = new HashSet<>();
        task.get("ResultSelector").propertyNames().forEach(f -> fields.add(f.replace(".$", "")));
        return fields;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> substitutions() {
        return (Map<String, Object>) stateMachine().get("DefinitionSubstitutions");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stateMachine() {
        Map<String, Object> resources = (Map<String, Object>) Repo.template().get("Resources");
        Map<String, Object> machine = (Map<String, Object>) resources.get("VideoPipeline");
        assertThat(machine.get("Type")).isEqualTo("AWS::Serverless::StateMachine");
        return (Map<String, Object>) machine.get("Properties");
    }
}
