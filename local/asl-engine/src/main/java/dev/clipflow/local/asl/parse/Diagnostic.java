package dev.clipflow.local.asl.parse;

/**
 * One problem found in a definition, shaped like a diagnostic of AWS's ValidateStateMachineDefinition.
 *
 * @param code for example {@code SCHEMA_VALIDATION_FAILED}, {@code MISSING_TRANSITION_TARGET}
 * @param location a JSON pointer into the definition ({@code /States/Fetch/Next}); {@code null} when AWS gives
 *                 none ({@code MISSING_END_STATE})
 */
public record Diagnostic(Severity severity, String code, String message, String location) {

    public static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    public static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    /** A workflow (or branch, or item processor) without any terminal state; AWS gives it no location. */
    public static final String MISSING_END_STATE = "MISSING_END_STATE";
    public static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
    public static final String DUPLICATE_STATE = "DUPLICATE_STATE_NAME";
    /** Valid for AWS but outside what this engine runs (JSONata, variables, Distributed Map, ...). */
    public static final String UNSUPPORTED = "UNSUPPORTED_BY_LOCAL_ENGINE";

    /** Severity levels, as AWS reports them. */
    public enum Severity { ERROR, WARNING }

    /** {@code CODE: message at /pointer}, the one-line form AWS uses in CreateStateMachine errors. */
    public String render() {
        return code + ": " + message + " at " + (location == null ? "null" : location.isEmpty() ? "/" : location);
    }
}
