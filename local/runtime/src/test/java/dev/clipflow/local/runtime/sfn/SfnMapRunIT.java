package dev.clipflow.local.runtime.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import dev.clipflow.local.asl.task.LambdaResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Map Runs of a Distributed Map through the real AWS SDK client: ListMapRuns, DescribeMapRun, child executions. */
class SfnMapRunIT {

    static final String DEFINITION = """
            {"StartAt":"Transcode chunks","States":{
              "Transcode chunks":{"Type":"Map","ItemsPath":"$.chunks","Label":"chunks","MaxConcurrency":2,
                "ToleratedFailureCount":1,
                "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                  "StartAt":"Transcode one chunk","States":{"Transcode one chunk":{"Type":"Task",
                    "Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:000000000000:function:ChunkFunction",
                                  "Payload.$":"$"},
                    "ResultSelector":{"n.$":"$.Payload.n"},"End":true}}},
                "End":true}}}
            """;

    static SfnEndpoint endpoint;
    static SfnClient sfn;
    static String machineArn;

    @BeforeAll
    static void start() {
        LambdaResolver functions = LambdaResolver.of(Map.of("ChunkFunction", payload -> {
            if (payload.path("fail").asBoolean()) {
                return LambdaResponse.error("ChunkCorrupt", "chunk " + payload.path("n").asInt() + " is corrupt");
            }
            return LambdaResponse.ok(Json.object().put("n", payload.path("n").asInt()));
        }));
        endpoint = SfnEndpoint.start(new LocalStepFunctions(new IntegrationTaskInvoker(functions, null, null),
                Clock.system()), 0);
        sfn = new AwsClients(Map.of("AWS_ENDPOINT_URL_SFN", endpoint.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_REGION", "us-east-1")::get).sfn();
        machineArn = sfn.createStateMachine(r -> r.name("chunker").definition(DEFINITION)
                .roleArn("arn:aws:iam::000000000000:role/local")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        endpoint.close();
    }

    static String runToCompletion(String name, String input) throws InterruptedException {
        String arn = sfn.startExecution(r -> r.stateMachineArn(machineArn).name(name).input(input)).executionArn();
        long end = System.currentTimeMillis() + 10_000;
        while (sfn.describeExecution(r -> r.executionArn(arn)).status() == ExecutionStatus.RUNNING
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return arn;
    }

    @Test
    void listMapRunsAndDescribeMapRun_afterADistributedMap_reportTheRunAndHowManyChildrenItStarted()
            throws Exception {
        String arn = runToCompletion("three-chunks", "{\"chunks\":[{\"n\":1},{\"n\":2,\"fail\":true},{\"n\":3}]}");

        assertThat(sfn.describeExecution(r -> r.executionArn(arn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        List<MapRunListItem> runs = sfn.listMapRunsPaginator(r -> r.executionArn(arn)).mapRuns().stream().toList();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.executionArn()).isEqualTo(arn);
            assertThat(run.mapRunArn()).matches("arn:aws:states:us-east-1:000000000000:mapRun:chunker/chunks:"
                    + "[0-9a-f-]{36}");
            assertThat(run.stateMachineArn()).isEqualTo(machineArn + "/chunks");
            assertThat(run.stopDate()).isAfterOrEqualTo(run.startDate());
        });
        String mapRunArn = runs.getFirst().mapRunArn();

        DescribeMapRunResponse d = sfn.describeMapRun(r -> r.mapRunArn(mapRunArn));
        assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(d.executionArn()).isEqualTo(arn);
        assertThat(d.maxConcurrency()).isEqualTo(2);
        assertThat(d.toleratedFailureCount()).isEqualTo(1L);
        assertThat(d.toleratedFailurePercentage()).isZero();
        assertThat(d.executionCounts().total()).isEqualTo(3L);
        assertThat(d.executionCounts().succeeded()).isEqualTo(2L);
        assertThat(d.executionCounts().failed()).isEqualTo(1L);
        assertThat(d.executionCounts().pending()).isZero();
        assertThat(d.itemCounts().total()).isEqualTo(3L);
        assertThat(d.itemCounts().failed()).isEqualTo(1L);

        List<HistoryEvent> parent = sfn.getExecutionHistory(r -> r.executionArn(arn)).events();
        assertThat(parent).extracting(HistoryEvent::type).containsSubsequence(HistoryEventType.MAP_STATE_STARTED,
                HistoryEventType.MAP_RUN_STARTED, HistoryEventType.MAP_RUN_SUCCEEDED,
                HistoryEventType.MAP_STATE_SUCCEEDED).doesNotContain(HistoryEventType.MAP_ITERATION_STARTED);
        assertThat(parent).filteredOn(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).singleElement()
                .satisfies(e -> assertThat(e.mapRunStartedEventDetails().mapRunArn()).isEqualTo(mapRunArn));
    }

    @Test
    void listExecutionsByMapRunArn_listsTheChildExecutionsReadableLikeAnyExecution() throws Exception {
        String arn = runToCompletion("children", "{\"chunks\":[{\"n\":1},{\"n\":2,\"fail\":true}]}");
        String mapRunArn = sfn.listMapRuns(r -> r.executionArn(arn)).mapRuns().getFirst().mapRunArn();

        List<ExecutionListItem> children = sfn.listExecutionsPaginator(r -> r.mapRunArn(mapRunArn).maxResults(1))
                .executions().stream().toList();

        assertThat(children).hasSize(2).allSatisfy(c -> {
            assertThat(c.mapRunArn()).isEqualTo(mapRunArn);
            assertThat(c.itemCount()).isEqualTo(1);
            assertThat(c.stateMachineArn()).isEqualTo(machineArn + "/chunks");
            assertThat(c.executionArn()).startsWith("arn:aws:states:us-east-1:000000000000:execution:chunker/chunks:"
                    + c.name());
        });
        assertThat(sfn.listExecutions(r -> r.mapRunArn(mapRunArn).statusFilter(ExecutionStatus.FAILED))
                .executions()).hasSize(1);
        ExecutionListItem failed = children.stream().filter(c -> c.status() == ExecutionStatus.FAILED).findFirst()
                .orElseThrow();
        DescribeExecutionResponse child = sfn.describeExecution(r -> r.executionArn(failed.executionArn()));
        assertThat(child.mapRunArn()).isEqualTo(mapRunArn);
        assertThat(child.input()).isEqualTo("{\"n\":2,\"fail\":true}");
        assertThat(child.error()).isEqualTo("ChunkCorrupt");
        assertThat(child.cause()).contains("chunk 2 is corrupt");
        List<HistoryEventType> types = sfn.getExecutionHistory(r -> r.executionArn(failed.executionArn())).events()
                .stream().map(HistoryEvent::type).toList();
        assertThat(types).startsWith(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED)
                .endsWith(HistoryEventType.EXECUTION_FAILED);
        DescribeExecutionResponse parent = sfn.describeExecution(r -> r.executionArn(arn));
        assertThat(parent.output()).contains("\"Status\":\"FAILED\"").contains(failed.executionArn());
    }

    @Test
    void mapRunOperations_unknownOrConflictingArns_areRefusedAsAwsDoes() {
        assertThatThrownBy(() -> sfn.describeMapRun(r -> r.mapRunArn(
                "arn:aws:states:us-east-1:000000000000:mapRun:chunker/chunks:nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.listExecutions(r -> r.stateMachineArn(machineArn).mapRunArn(
                "arn:aws:states:us-east-1:000000000000:mapRun:chunker/chunks:nope")))
                .isInstanceOf(ValidationException.class);
    }
}
