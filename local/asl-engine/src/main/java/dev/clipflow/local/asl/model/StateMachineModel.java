package dev.clipflow.local.asl.model;

import java.util.Map;

/**
 * A parsed, validated state machine, or one branch / item processor of it.
 *
 * @param timeoutSeconds {@code null} when absent (top level only)
 */
public record StateMachineModel(String startAt, Map<String, State> states, Integer timeoutSeconds) {

    public StateMachineModel {
        states = Map.copyOf(states);
    }

    public State state(String name) {
        return states.get(name);
    }
}
