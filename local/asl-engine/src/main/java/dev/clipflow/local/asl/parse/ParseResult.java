package dev.clipflow.local.asl.parse;

import dev.clipflow.local.asl.model.StateMachineModel;
import java.util.List;

/**
 * The outcome of parsing: the model (usable only when {@link #valid()}) and every diagnostic.
 */
public record ParseResult(StateMachineModel model, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean valid() {
        return diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /**
     * The model of a valid definition.
     *
     * @throws DefinitionInvalidException when there is an error
     */
    public StateMachineModel orThrow() {
        if (!valid()) {
            throw new DefinitionInvalidException(diagnostics);
        }
        return model;
    }
}
