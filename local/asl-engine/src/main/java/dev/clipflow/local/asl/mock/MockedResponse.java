package dev.clipflow.local.asl.mock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a mocked response: for invocations {@code from..to} (0-based, inclusive) either return
 * {@code value} or throw {@code error}/{@code cause}.
 *
 * @param value {@code null} for a Throw
 */
public record MockedResponse(int from, int to, JsonNode value, String error, String cause) {

    public boolean covers(int invocation) {
        return invocation >= from && invocation <= to;
    }
}
