package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The response of a TestState call, with AWS's field names.
 *
 * @param status SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR
 * @param output {@code null} when failed
 * @param nextState {@code null} for end states and failures
 * @param inspectionData steps of the data flow as JSON text values; empty at INFO level
 */
public record TestStateResult(String status, JsonNode output, String error, String cause, String nextState,
                              ObjectNode inspectionData) {
}
