package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.QueryPath;
import java.util.List;

/**
 * {@code "Type": "Choice"}.
 *
 * @param inputPath {@code null} for {@code "InputPath": null}
 * @param outputPath {@code null} for {@code "OutputPath": null}
 * @param defaultState {@code null} when absent
 */
public record ChoiceState(String name, QueryPath inputPath, QueryPath outputPath, List<Branch> choices,
                          String defaultState) implements State {

    public ChoiceState {
        choices = List.copyOf(choices);
    }

    /** A top-level Choice Rule with its "Next". */
    public record Branch(ChoiceRule rule, String next) {
    }
}
