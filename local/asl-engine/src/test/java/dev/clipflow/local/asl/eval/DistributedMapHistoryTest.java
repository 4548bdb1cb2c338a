package dev.clipflow.local.asl.eval;

import static dev.clipflow.local.asl.eval.DistributedMaps.PASS;
import static dev.clipflow.local.asl.eval.DistributedMaps.map;
import static dev.clipflow.local.asl.eval.DistributedMaps.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * History of a Distributed Map: the parent records the Map Run (AWS-recorded sequence, localstack
 * test_base_scenarios snapshot test_map_state_config_distributed_item_selector), each child its own execution.
 */
class DistributedMapHistoryTest {

    @Test
    void history_distributedMap_parentRecordsTheMapRunAndNoIterationEvents() {
        ExecutionResult r = run(map("", PASS), "{\"items\":[\"Hello\",\"World\"]}", DistributedMaps::noTask);

        List<HistoryEvent> events = r.history();
        assertThat(events).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "MapStateEntered",
                "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited",
                "ExecutionSucceeded");
        assertThat(events.get(2).details().get("length").intValue()).isEqualTo(2);
        assertThat(events.get(3).details().get("mapRunArn").textValue()).isEqualTo(r.mapRuns().getFirst().arn());
        assertThat(events.get(3).detailsField()).isEqualTo("mapRunStartedEventDetails");
        assertThat(events.get(4).details()).isNull();
        // AWS: MapStateStarted <- MapStateEntered, MapRunStarted <- MapStateStarted, MapRunSucceeded <- MapRunStarted,
        // and both MapStateSucceeded and MapStateExited follow MapRunSucceeded
        assertThat(events.subList(2, 7)).extracting(HistoryEvent::previousEventId)
                .containsExactly(events.get(1).id(), events.get(2).id(), events.get(3).id(), events.get(4).id(),
                        events.get(4).id());
        assertThat(events.get(6).details().get("output").textValue()).isEqualTo("[\"Hello\",\"World\"]");
    }

    @Test
    void history_distributedMapFailing_recordsMapRunFailedWithErrorAndCause() {
        ExecutionResult r = run(map(""), "{\"items\":[1]}", req -> {
            throw new TaskFailedException("ItemFailed", "boom");
        });

        List<HistoryEvent> events = r.history();
        assertThat(events).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "MapStateEntered",
                "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed");
        HistoryEvent failed = events.get(4);
        assertThat(failed.detailsField()).isEqualTo("mapRunFailedEventDetails");
        assertThat(Json.write(failed.details())).isEqualTo("{\"error\":\"States.ExceedToleratedFailureThreshold\","
                + "\"cause\":\"The specified tolerated failure threshold was exceeded\"}");
        assertThat(failed.previousEventId()).isEqualTo(events.get(3).id());
    }

    @Test
    void history_childExecution_isAnExecutionHistoryOfItsOwn() {
        ExecutionResult r = run(map("", PASS), "{\"items\":[{\"n\":1}]}", DistributedMaps::noTask);

        ChildExecution child = r.mapRuns().getFirst().children().getFirst();
        List<HistoryEvent> events = child.history().events();
        assertThat(events).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded");
        assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.getFirst().details().get("input").textValue()).isEqualTo("{\"n\":1}");
        assertThat(events.getLast().details().get("output").textValue()).isEqualTo("{\"n\":1}");
        assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(child.stopDate()).isNotNull();
    }

    @Test
    void history_failedChild_endsWithExecutionFailed() {
        ExecutionResult r = run(map("\"ToleratedFailurePercentage\":100,"), "{\"items\":[1]}", req -> {
            throw new TaskFailedException("ItemFailed", "boom");
        });

        ChildExecution child = r.mapRuns().getFirst().children().getFirst();
        assertThat(child.history().events()).extracting(HistoryEvent::type).endsWith("LambdaFunctionFailed",
                "ExecutionFailed");
        assertThat(child.error()).isEqualTo("ItemFailed");
        assertThat(child.cause()).isEqualTo("boom");
    }
}
