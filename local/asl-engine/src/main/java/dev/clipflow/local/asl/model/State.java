package dev.clipflow.local.asl.model;

/** One state of a state machine; one record per ASL state type ("Type" field). */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    /** The state's name (its key in "States"). */
    String name();

    /** The ASL type name, as written in "Type" and in history event types. */
    default String typeName() {
        return switch (this) {
            case PassState s -> "Pass";
            case TaskState s -> "Task";
            case ChoiceState s -> "Choice";
            case WaitState s -> "Wait";
            case SucceedState s -> "Succeed";
            case FailState s -> "Fail";
            case ParallelState s -> "Parallel";
            case MapState s -> "Map";
        };
    }
}
