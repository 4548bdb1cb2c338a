package dev.clipflow.local.asl.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AWS Step Functions Local mock configuration file:
 * {@code {"StateMachines": {sm: {"TestCases": {case: {state: responseName}}}}, "MockedResponses": {responseName:
 * {"0": {"Return": ...}, "1-2": {"Throw": {"Error": ..., "Cause": ...}}}}}}.
 */
public final class MockConfig {

    private final Map<String, Map<String, Map<String, String>>> testCases;
    private final Map<String, List<MockedResponse>> responses;

    private MockConfig(Map<String, Map<String, Map<String, String>>> testCases,
                       Map<String, List<MockedResponse>> responses) {
        this.testCases = testCases;
        this.responses = responses;
    }

    /**
     * Reads and checks a configuration.
     *
     * @throws MockConfigInvalidException naming the first problem and where it is
     */
    public static MockConfig parse(JsonNode root) {
        if (!root.isObject()) {
            throw new MockConfigInvalidException("The mock configuration must be a JSON object");
        }
        Map<String, List<MockedResponse>> responses = new LinkedHashMap<>();
        JsonNode mocked = root.path("MockedResponses");
        if (!mocked.isObject()) {
            throw new MockConfigInvalidException("'MockedResponses' must be an object");
        }
        for (Map.Entry<String, JsonNode> r : mocked.properties()) {
            responses.put(r.getKey(), responses(r.getKey(), r.getValue()));
        }
        Map<String, Map<String, Map<String, String>>> cases = new LinkedHashMap<>();
        JsonNode machines = root.path("StateMachines");
        if (!machines.isObject()) {
            throw new MockConfigInvalidException("'StateMachines' must be an object");
        }
        for (Map.Entry<String, JsonNode> sm : machines.properties()) {
            JsonNode tcs = sm.getValue().path("TestCases");
            if (!tcs.isObject()) {
                throw new MockConfigInvalidException("'StateMachines/" + sm.getKey() + "/TestCases' must be an object");
            }
            Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> tc : tcs.properties()) {
                Map<String, String> states = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> st : tc.getValue().properties()) {
                    String where = "StateMachines/" + sm.getKey() + "/TestCases/" + tc.getKey() + "/" + st.getKey();
                    if (!st.getValue().isTextual()) {
                        throw new MockConfigInvalidException("'" + where + "' must name a mocked response");
                    }
                    if (!responses.containsKey(st.getValue().textValue())) {
                        throw new MockConfigInvalidException("'" + where + "' names the unknown mocked response '"
                                + st.getValue().textValue() + "'");
                    }
                    states.put(st.getKey(), st.getValue().textValue());
                }
                byCase.put(tc.getKey(), states);
            }
            cases.put(sm.getKey(), byCase);
        }
        return new MockConfig(cases, responses);
    }

    private static List<MockedResponse> responses(String name, JsonNode byRange) {
        if (!byRange.isObject() || byRange.isEmpty()) {
            throw new MockConfigInvalidException("'MockedResponses/" + name + "' must be a non-empty object");
        }
        List<MockedResponse> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : byRange.properties()) {
            String where = "MockedResponses/" + name + "/" + e.getKey();
            int from;
            int to;
            try {
                String[] parts = e.getKey().split("-", -1);
                from = Integer.parseInt(parts[0].trim());
                to = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : from;
                if (parts.length > 2 || from < 0 || to < from) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException ex) {
                throw new MockConfigInvalidException("'" + where + "': the key must be an invocation number or a"
                        + " range like \"1-3\"");
            }
            JsonNode v = e.getValue();
            if (v.has("Return") == v.has("Throw")) {
                throw new MockConfigInvalidException("'" + where + "' must hold exactly one of Return or Throw");
            }
            if (v.has("Return")) {
                out.add(new MockedResponse(from, to, v.get("Return"), null, null));
            } else {
                JsonNode t = v.get("Throw");
                if (!t.path("Error").isTextual()) {
                    throw new MockConfigInvalidException("'" + where + "/Throw/Error' must be a string");
                }
                out.add(new MockedResponse(from, to, null, t.get("Error").textValue(),
                        t.path("Cause").isTextual() ? t.get("Cause").textValue() : null));
            }
        }
        out.sort(Comparator.comparingInt(MockedResponse::from));
        return List.copyOf(out);
    }

    /**
     * An invoker answering the mocked states of one test case and passing other states to {@code fallback}.
     *
     * @param stateMachine {@code null} to look the test case up in every state machine (it must be unique)
     */
    public TaskInvoker invoker(String stateMachine, String testCase, TaskInvoker fallback) {
        Map<String, String> states = null;
        for (Map.Entry<String, Map<String, Map<String, String>>> sm : testCases.entrySet()) {
            if ((stateMachine == null || sm.getKey().equals(stateMachine)) && sm.getValue().containsKey(testCase)) {
                if (states != null) {
                    throw new MockConfigInvalidException("The test case '" + testCase + "' exists in several state"
                            + " machines; choose one with --state-machine");
                }
                states = sm.getValue().get(testCase);
            }
        }
        if (states == null) {
            throw new MockConfigInvalidException("No test case '" + testCase + "'"
                    + (stateMachine == null ? "" : " for the state machine '" + stateMachine + "'")
                    + " in the mock configuration");
        }
        Map<String, List<MockedResponse>> byState = new LinkedHashMap<>();
        states.forEach((state, response) -> byState.put(state, responses.get(response)));
        return new MockTaskInvoker(byState, fallback);
    }
}
