package dev.clipflow.local.runtime.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import dev.clipflow.local.asl.task.LambdaResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * The local Step Functions endpoint through the real AWS SDK client. Engine time is a {@link SteppedClock}: a Wait
 * state holds its execution RUNNING until the test moves time on, so no assertion depends on how long the machine
 * takes (no sleep-then-assert).
 */
class SfnEndpointIT {

    static final String DEFINITION = """
            {"StartAt": "Maybe wait",
             "States": {
               "Maybe wait": {"Type": "Choice",
                 "Choices": [{"Variable": "$.waitSeconds", "IsPresent": true, "Next": "Wait"}],
                 "Default": "Greet"},
               "Wait": {"Type": "Wait", "SecondsPath": "$.waitSeconds", "Next": "Greet"},
               "Greet": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:000000000000:function:GreetFunction:live",
                                "Payload.$": "$"},
                 "ResultSelector": {"greeting.$": "$.Payload.greeting"},
                 "End": true}}}
            """;

    static final SteppedClock CLOCK = new SteppedClock();
    static SfnEndpoint endpoint;
    static SfnClient sfn;
    static String machineArn;

    @BeforeAll
    static void start() {
        LambdaResolver functions = LambdaResolver.of(Map.of("GreetFunction", payload -> {
            if (payload.has("fail")) {
                return LambdaResponse.error("dev.clipflow.pipeline.SourceCorruptException", "moov atom not found");
            }
            return LambdaResponse.ok(Json.object().put("greeting", "hello " + payload.path("who").asText()));
        }));
        endpoint = SfnEndpoint.start(new LocalStepFunctions(new IntegrationTaskInvoker(functions, null, null),
                CLOCK), 0);
        sfn = new AwsClients(Map.of("AWS_ENDPOINT_URL_SFN", endpoint.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_REGION", "us-east-1")::get).sfn();
        machineArn = sfn.createStateMachine(r -> r.name("greeter").definition(DEFINITION)
                .roleArn("arn:aws:iam::000000000000:role/local")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        endpoint.close();
    }

    static DescribeExecutionResponse await(String arn) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        DescribeExecutionResponse d = sfn.describeExecution(r -> r.executionArn(arn));
        while (d.status() == ExecutionStatus.RUNNING && System.currentTimeMillis() < end) {
            Thread.sleep(20);
            d = sfn.describeExecution(r -> r.executionArn(arn));
        }
        return d;
    }

    @Test
    void startExecution_lambdaTask_succeedsWithOutputAndHistory() throws Exception {
        String arn = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("ok-1").input("{\"who\":\"ana\"}"))
                .executionArn();

        DescribeExecutionResponse d = await(arn);
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:greeter:ok-1");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"greeting\":\"hello ana\"}");
        assertThat(d.startDate()).isNotNull();
        assertThat(d.stopDate()).isAfterOrEqualTo(d.startDate());
        List<HistoryEvent> events = sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).maxResults(2))
                .events().stream().toList();
        assertThat(events).extracting(HistoryEvent::type).startsWith(HistoryEventType.EXECUTION_STARTED)
                .contains(HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED,
                        HistoryEventType.TASK_SUCCEEDED)
                .endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.TASK_STATE_ENTERED).singleElement()
                .satisfies(e -> assertThat(e.stateEnteredEventDetails().name()).isEqualTo("Greet"));
        assertThat(events.get(0).timestamp()).isNotNull();
    }

    @Test
    void startExecution_sameNameWhileRunning_idempotentOnlyForTheSameInput() throws Exception {
        String input = "{\"who\":\"bo\",\"waitSeconds\":1}";
        String first = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("dup").input(input)).executionArn();

        String again = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("dup").input(input)).executionArn();
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machineArn).name("dup").input("{}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("Execution Already Exists");
        assertThat(sfn.describeExecution(r -> r.executionArn(first)).status()).isEqualTo(ExecutionStatus.RUNNING);
        CLOCK.advanceWhenWaiting(Duration.ofSeconds(1));
        assertThat(await(first).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machineArn).name("dup").input(input)))
                .as("a closed execution's name cannot be reused").isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void getExecutionHistory_whileRunning_showsTheStatesSoFar() throws Exception {
        String arn = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("live")
                .input("{\"who\":\"cy\",\"waitSeconds\":2}")).executionArn();
        CLOCK.awaitWaiting(Duration.ofSeconds(2));

        List<HistoryEventType> types = sfn.getExecutionHistory(r -> r.executionArn(arn)).events().stream()
                .map(HistoryEvent::type).toList();
        assertThat(sfn.describeExecution(r -> r.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(types).startsWith(HistoryEventType.EXECUTION_STARTED).contains(HistoryEventType.WAIT_STATE_ENTERED)
                .doesNotContain(HistoryEventType.EXECUTION_SUCCEEDED);
        CLOCK.advanceWhenWaiting(Duration.ofSeconds(2));
        assertThat(await(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void startExecution_functionError_failedWithErrorTypeAndCause() throws Exception {
        String arn = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("bad").input("{\"fail\":true}"))
                .executionArn();

        DescribeExecutionResponse d = await(arn);
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("dev.clipflow.pipeline.SourceCorruptException");
        assertThat(d.cause()).contains("moov atom not found");
    }

    @Test
    void stopExecution_running_abortedAndListed() throws Exception {
        String arn = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("long")
                .input("{\"waitSeconds\":60}")).executionArn();
        CLOCK.awaitWaiting(Duration.ofSeconds(60));

        sfn.stopExecution(r -> r.executionArn(arn).error("Operator").cause("stopped in a test"));

        DescribeExecutionResponse d = sfn.describeExecution(r -> r.executionArn(arn));
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(d.error()).isEqualTo("Operator");
        assertThat(sfn.listExecutionsPaginator(r -> r.stateMachineArn(machineArn).statusFilter("ABORTED"))
                .executions().stream().map(e -> e.name()).toList()).contains("long");
        long end = System.currentTimeMillis() + Duration.ofSeconds(5).toMillis();
        List<HistoryEventType> types = List.of();
        while (!types.contains(HistoryEventType.EXECUTION_ABORTED) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
            types = sfn.getExecutionHistory(r -> r.executionArn(arn)).events().stream().map(HistoryEvent::type)
                    .toList();
        }
        assertThat(types).endsWith(HistoryEventType.EXECUTION_ABORTED);
    }

    @Test
    void startExecution_unknownMachine_stateMachineDoesNotExist() {
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machineArn + "-nope").input("{}")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void startExecution_invalidName_refusedAsAwsDoes() {
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machineArn).name("has space")))
                .hasMessageContaining("Invalid Name");
    }

    /**
     * Engine time that moves only when the test moves it: a sleep (a Wait state) blocks until {@link
     * #advanceWhenWaiting} has passed its end, or its execution is stopped (interrupted). Each test waits for a
     * length of its own, so an execution another test left behind is never mistaken for its own.
     */
    static final class SteppedClock implements Clock {
        private static final Duration PATIENCE = Duration.ofSeconds(10);
        private final List<Duration> sleeping = new ArrayList<>();
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration duration) throws InterruptedException {
            Instant end = now.plus(duration);
            sleeping.add(duration);
            notifyAll();
            try {
                while (now.isBefore(end)) {
                    wait();
                }
            } finally {
                sleeping.remove(duration);
            }
        }

        /** Blocks until an execution sleeps {@code duration} in a Wait state (at most 10 s, else the test fails). */
        synchronized void awaitWaiting(Duration duration) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!sleeping.contains(duration)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No execution waits " + duration + " after " + PATIENCE);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        /** Once an execution sleeps {@code duration}, moves time on by it: that sleep (and any shorter) ends. */
        synchronized void advanceWhenWaiting(Duration duration) throws InterruptedException {
            awaitWaiting(duration);
            now = now.plus(duration);
            notifyAll();
        }
    }
}
