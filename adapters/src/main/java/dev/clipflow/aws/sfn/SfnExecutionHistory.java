package dev.clipflow.aws.sfn;

import dev.clipflow.pipeline.ExecutionHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * {@link ExecutionHistory} on {@code GetExecutionHistory} (all pages, oldest first). A state's
 * transitions are its {@code *StateEntered} events plus the extra {@code TaskScheduled} /
 * {@code LambdaFunctionScheduled} events of its retries. Attribution assumes states run one at a
 * time (true of the pipeline until a Parallel or Map state is added).
 */
public final class SfnExecutionHistory implements ExecutionHistory {
    private final SfnClient sfn;

    public SfnExecutionHistory(SfnClient sfn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
    }

    @Override
    public Map<String, Integer> transitionsByState(String executionId) {
        return SfnCalls.call("GetExecutionHistory", () -> count(sfn.getExecutionHistoryPaginator(r -> r
                .executionArn(executionId).includeExecutionData(false)).events()));
    }

    static Map<String, Integer> count(Iterable<HistoryEvent> events) {
        Map<String, Integer> transitions = new LinkedHashMap<>();
        String current = null;
        boolean scheduledInThisEntry = false;
        for (HistoryEvent event : events) {
            if (event.stateEnteredEventDetails() != null && event.type().toString().endsWith("StateEntered")) {
                current = event.stateEnteredEventDetails().name();
                transitions.merge(current, 1, Integer::sum);
                scheduledInThisEntry = false;
            } else if (current != null && isScheduled(event.type())) {
                if (scheduledInThisEntry) {
                    transitions.merge(current, 1, Integer::sum);
                }
                scheduledInThisEntry = true;
            }
        }
        return transitions;
    }

    private static boolean isScheduled(HistoryEventType type) {
        return type == HistoryEventType.TASK_SCHEDULED || type == HistoryEventType.LAMBDA_FUNCTION_SCHEDULED;
    }
}
