package dev.clipflow.local.asl.model;

import java.util.List;

/**
 * {@code "Type": "Parallel"}.
 *
 * @param next {@code null} when End
 */
public record ParallelState(String name, IoSpec io, List<StateMachineModel> branches, List<Retrier> retry,
                            List<Catcher> catchers, String next) implements State {
    public ParallelState {
        branches = List.copyOf(branches);
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }
}
