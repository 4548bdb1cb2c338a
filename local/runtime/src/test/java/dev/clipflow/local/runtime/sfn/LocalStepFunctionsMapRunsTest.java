package dev.clipflow.local.runtime.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Map Run operations of {@link LocalStepFunctions}, called directly: response shapes and child stops. */
class LocalStepFunctionsMapRunsTest {

    static final String DEFINITION = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ToleratedFailurePercentage":50,
              "ItemBatcher":{"MaxItemsPerBatch":2},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                "StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.Items[0].wait","End":true}}},
              "End":true}}}""";

    LocalStepFunctions sfn;
    String machineArn;

    @BeforeEach
    void create() {
        sfn = new LocalStepFunctions(new IntegrationTaskInvoker(LambdaResolver.none(), null, null), Clock.system());
        machineArn = sfn.createStateMachine(Json.object().put("name", "batches").put("definition", DEFINITION))
                .get("stateMachineArn").textValue();
    }

    @AfterEach
    void close() {
        sfn.close();
    }

    private String start(String name, String input) {
        return sfn.startExecution(Json.object().put("stateMachineArn", machineArn).put("name", name)
                .put("input", input)).get("executionArn").textValue();
    }

    private JsonNode onlyMapRun(String executionArn) {
        JsonNode runs = sfn.listMapRuns(Json.object().put("executionArn", executionArn)).get("mapRuns");
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    @Test
    void describeMapRun_batchedRun_hasAwsFieldsWithItemAndExecutionCounts() throws Exception {
        String arn = start("batched", "{\"items\":[{\"wait\":0},{\"wait\":0},{\"wait\":0}]}");
        assertThat(sfn.awaitExecution(arn, 10_000)).isEqualTo("SUCCEEDED");

        ObjectNode d = sfn.describeMapRun(Json.object().put("mapRunArn", onlyMapRun(arn).get("mapRunArn")
                .textValue()));

        assertThat(StreamSupport.stream(((Iterable<String>) d::fieldNames).spliterator(), false).toList())
                .containsExactly("mapRunArn", "executionArn", "status", "startDate", "stopDate", "maxConcurrency",
                        "toleratedFailurePercentage", "toleratedFailureCount", "itemCounts", "executionCounts",
                        "redriveCount");
        assertThat(d.get("status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(d.get("toleratedFailurePercentage").doubleValue()).isEqualTo(50.0);
        assertThat(d.get("itemCounts").get("total").intValue()).isEqualTo(3);
        assertThat(d.get("itemCounts").get("succeeded").intValue()).isEqualTo(3);
        assertThat(d.get("executionCounts").get("total").intValue()).isEqualTo(2);
        assertThat(d.get("executionCounts").get("succeeded").intValue()).isEqualTo(2);
        JsonNode children = sfn.listExecutions(Json.object().put("mapRunArn", d.get("mapRunArn").textValue()))
                .get("executions");
        assertThat(children).extracting(c -> c.get("itemCount").intValue()).containsExactlyInAnyOrder(2, 1);
    }

    @Test
    void stopExecution_ofAChild_abortsItAndItsItemsCountAsFailed() throws Exception {
        String arn = start("stopped-child", "{\"items\":[{\"wait\":60},{\"wait\":60}]}");
        JsonNode child = awaitChild(arn);

        sfn.stopExecution(Json.object().put("executionArn", child.get("executionArn").textValue()));

        assertThat(sfn.awaitExecution(arn, 10_000)).isEqualTo("FAILED");
        JsonNode described = sfn.describeExecution(Json.object().put("executionArn",
                child.get("executionArn").textValue()));
        assertThat(described.get("status").textValue()).isEqualTo("ABORTED");
        assertThat(described.get("redriveStatus").textValue()).isEqualTo("REDRIVABLE_BY_MAP_RUN");
        assertThat(sfn.describeExecution(Json.object().put("executionArn", arn)).get("error").textValue())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
        List<String> types = StreamSupport.stream(sfn.getExecutionHistory(Json.object().put("executionArn",
                child.get("executionArn").textValue())).get("events").spliterator(), false)
                .map(e -> e.get("type").textValue()).toList();
        assertThat(types).endsWith("ExecutionAborted");
    }

    @Test
    void listMapRuns_unknownExecution_isExecutionDoesNotExist() {
        assertThatThrownBy(() -> sfn.listMapRuns(Json.object().put("executionArn",
                machineArn.replace(":stateMachine:", ":execution:") + ":nope")))
                .isInstanceOf(SfnErrorException.class).hasMessageContaining("Execution Does Not Exist");
    }

    private JsonNode awaitChild(String executionArn) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            JsonNode runs = sfn.listMapRuns(Json.object().put("executionArn", executionArn)).get("mapRuns");
            if (!runs.isEmpty()) {
                JsonNode children = sfn.listExecutions(Json.object().put("mapRunArn",
                        runs.get(0).get("mapRunArn").textValue())).get("executions");
                if (!children.isEmpty()) {
                    return children.get(0);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no child execution started");
    }
}
