package dev.clipflow.cleanup;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error a state's {@code Catch} put at {@code $.error}: the error name (for a Lambda task, the
 * exception's class name or a {@code States.*}/{@code Lambda.*} name) and the cause (for a Lambda
 * task, the function's error JSON: errorMessage, errorType, stackTrace).
 */
public record PipelineError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
}
