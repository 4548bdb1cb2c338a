package dev.clipflow.local.asl.eval;

/**
 * Who an execution is: its names and the ARNs built from them. A Distributed Map's child executions belong to
 * the labelled state machine {@code <stateMachineName>/<label or UUID>} (AWS's format: child
 * {@code arn:aws:states:<region>:<account>:execution:<stateMachineName>/<label>:<name>}, Map Run
 * {@code arn:aws:states:<region>:<account>:mapRun:<stateMachineName>/<label>:<uuid>}).
 */
record ExecutionIdentity(String region, String account, String stateMachineName, String executionName) {

    static ExecutionIdentity of(ExecutionOptions options) {
        return new ExecutionIdentity(options.region(), options.account(), options.stateMachineName(),
                options.executionName());
    }

    String stateMachineArn() {
        return prefix() + "stateMachine:" + stateMachineName;
    }

    String executionArn() {
        return prefix() + "execution:" + stateMachineName + ":" + executionName;
    }

    String roleArn() {
        return "arn:aws:iam::" + account + ":role/StepFunctionsLocalRole";
    }

    String mapRunArn(String labelOrUuid, String id) {
        return prefix() + "mapRun:" + stateMachineName + "/" + labelOrUuid + ":" + id;
    }

    /** A child execution of the Map Run labelled {@code labelOrUuid}. */
    ExecutionIdentity child(String labelOrUuid, String childName) {
        return new ExecutionIdentity(region, account, stateMachineName + "/" + labelOrUuid, childName);
    }

    private String prefix() {
        return "arn:aws:states:" + region + ":" + account + ":";
    }
}
