package dev.clipflow.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code "Type": "Pass"}.
 *
 * @param result the "Result" field, {@code null} when absent (the effective input is the result)
 * @param next {@code null} when End
 */
public record PassState(String name, IoSpec io, JsonNode result, String next) implements State {
}
