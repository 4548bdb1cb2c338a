package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static ExecutionResult run(String def, dev.clipflow.local.asl.task.TaskInvoker invoker) {
        return new Engine(invoker, new ManualClock(Fixtures.T0)).execute(Fixtures.machine(def), Json.object(),
                ExecutionOptions.defaults().withHistory(true));
    }

    @Test
    void history_taskWithRetry_hasAwsEventTypesAndChainedIds() {
        int[] calls = {0};
        ExecutionResult r = run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"F"},"Retry":[{"ErrorEquals":["E"]}],"End":true}}}""", req -> {
                if (calls[0]++ == 0) {
                    throw new TaskFailedException("E", "c");
                }
                return Json.object();
            });

        assertThat(r.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted",
                "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        List<HistoryEvent> events = r.history();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1);
            assertThat(events.get(i).previousEventId()).isEqualTo(i);
        }
        assertThat(events.get(4).details().get("error").textValue()).isEqualTo("E");
        assertThat(events.get(2).details().get("resourceType").textValue()).isEqualTo("lambda");
    }

    @Test
    void history_failState_endsWithExecutionFailed() {
        ExecutionResult r = run("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"X\"}}}",
                Fixtures.noFunctions());
        assertThat(r.history()).extracting(HistoryEvent::type)
                .containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
        assertThat(r.history().get(2).details().get("error").textValue()).isEqualTo("X");
    }

    @Test
    void history_map_recordsIterationEvents() {
        ExecutionResult r = new Engine(Fixtures.noFunctions(), new ManualClock(Fixtures.T0)).execute(
                Fixtures.machine("""
                    {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
                      "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"""),
                Json.parse("[1,2]"), ExecutionOptions.defaults().withHistory(true));
        assertThat(r.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "MapStateEntered", "MapStateStarted", "MapIterationStarted", "PassStateEntered", "PassStateExited",
                "MapIterationSucceeded", "MapIterationStarted", "PassStateEntered", "PassStateExited",
                "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    }

    @Test
    void history_notRecorded_stillNumbersEventsForCauses() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
             "B":{"Type":"Pass","InputPath":"$.x","End":true}}}""",
                "{}", Fixtures.noFunctions());
        assertThat(r.history()).isEmpty();
        assertThat(r.cause()).contains("(entered at the event id #4)");
    }
}
