package dev.clipflow.aws.sfn;

import dev.clipflow.catalog.deletion.PipelineExecutions;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@link PipelineExecutions} on Step Functions: the pipeline's RUNNING executions whose name is the video's
 * ({@code <videoId>-<hash>}, ExecutionNames) are stopped with {@code StopExecution}. Stopping one that ended
 * meanwhile is no error.
 */
public final class SfnPipelineExecutions implements PipelineExecutions {
    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnPipelineExecutions(SfnClient sfn, String stateMachineArn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    }

    @Override
    public int stopRunning(String videoId) {
        return SfnCalls.call("ListExecutions/StopExecution", () -> {
            int stopped = 0;
            for (ExecutionListItem e : sfn.listExecutionsPaginator(r -> r.stateMachineArn(stateMachineArn)
                    .statusFilter(ExecutionStatus.RUNNING)).executions()) {
                if (!e.name().startsWith(videoId + "-")) {
                    continue;
                }
                try {
                    sfn.stopExecution(r -> r.executionArn(e.executionArn())
                            .error("VideoDeleted").cause("The owner deleted the video"));
                    stopped++;
                } catch (ExecutionDoesNotExistException gone) {
                    // ended and expired meanwhile: nothing to stop
                }
            }
            return stopped;
        });
    }
}
