package dev.clipflow.local.asl.parse;

import java.util.List;

/** Thrown when a definition has at least one ERROR diagnostic; it then never runs. */
public class DefinitionInvalidException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public DefinitionInvalidException(List<Diagnostic> diagnostics) {
        super("Invalid State Machine Definition: " + String.join(", ",
                diagnostics.stream().map(Diagnostic::render).toList()));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
