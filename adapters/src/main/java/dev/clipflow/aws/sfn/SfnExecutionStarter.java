package dev.clipflow.aws.sfn;

import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionStarter;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * {@link ExecutionStarter} on Step Functions' {@code StartExecution}. A name already used answers
 * either with the existing execution (same input, still running: the API is idempotent) or with
 * {@code ExecutionAlreadyExists} (closed, or other input); both mean "already started".
 */
public final class SfnExecutionStarter implements ExecutionStarter {
    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnExecutionStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        if (!stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("Not a state machine ARN: " + stateMachineArn);
        }
    }

    @Override
    public ExecutionStart start(String name, String inputJson) {
        try {
            StartExecutionResponse response = SfnCalls.call("StartExecution", () -> sfn.startExecution(r -> r
                    .stateMachineArn(stateMachineArn).name(name).input(inputJson)));
            return new ExecutionStart(response.executionArn(), false);
        } catch (ExecutionAlreadyExistsException e) {
            return new ExecutionStart(executionArn(stateMachineArn, name), true);
        }
    }

    /** The ARN of execution {@code name} of the state machine: {@code ...:execution:{machine}:{name}}. */
    static String executionArn(String stateMachineArn, String name) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name;
    }
}
