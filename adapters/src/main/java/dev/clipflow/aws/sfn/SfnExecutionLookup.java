package dev.clipflow.aws.sfn;

import dev.clipflow.pipeline.ExecutionLookup;
import dev.clipflow.pipeline.ExecutionState;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * {@link ExecutionLookup} on Step Functions' {@code DescribeExecution} of one state machine, the execution's ARN built
 * from the machine's and the name (so the role needs {@code states:DescribeExecution} on
 * {@code ...:execution:<machine>:*} only). {@code PENDING_REDRIVE} (a redrive asked for) counts as running.
 */
public final class SfnExecutionLookup implements ExecutionLookup {
    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnExecutionLookup(SfnClient sfn, String stateMachineArn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        if (!stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("Not a state machine ARN: " + stateMachineArn);
        }
    }

    @Override
    public Optional<ExecutionState> state(String name) {
        String arn = SfnExecutionStarter.executionArn(stateMachineArn, name);
        try {
            var status = SfnCalls.call("DescribeExecution", () -> sfn.describeExecution(r -> r.executionArn(arn)))
                    .status();
            return Optional.of(switch (status) {
                case SUCCEEDED -> ExecutionState.SUCCEEDED;
                case FAILED -> ExecutionState.FAILED;
                case TIMED_OUT -> ExecutionState.TIMED_OUT;
                case ABORTED -> ExecutionState.ABORTED;
                default -> ExecutionState.RUNNING;
            });
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
    }
}
