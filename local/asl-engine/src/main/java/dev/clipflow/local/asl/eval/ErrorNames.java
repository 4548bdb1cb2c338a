package dev.clipflow.local.asl.eval;

import java.util.List;

/** The predefined {@code States.*} error names and the matching rules of Retry and Catch. */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private ErrorNames() {
    }

    /**
     * Whether an ErrorEquals list matches {@code error}: by exact name, {@code States.ALL} for any error, and
     * {@code States.TaskFailed} for any error except {@code States.Timeout}. {@code States.Runtime} is never matched.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        for (String e : errorEquals) {
            if (e.equals(error) || ALL.equals(e) || (TASK_FAILED.equals(e) && !TIMEOUT.equals(error))) {
                return true;
            }
        }
        return false;
    }
}
