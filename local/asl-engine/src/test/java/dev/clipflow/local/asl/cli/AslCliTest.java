package dev.clipflow.local.asl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AslCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new AslCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final String PASS = """
        {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"v.$":"$.x"},"End":true}}}""";

    @Test
    void execute_succeeds_printsOneJsonLineAndExitsZero() throws IOException {
        int code = run("execute", "--definition", file("d.json", PASS), "--input", "{\"x\":1.0}");
        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("{\"status\":\"SUCCEEDED\",\"output\":{\"v\":1.0}}");
    }

    @Test
    void execute_inputFromFile_andHistory_listsAwsShapedEvents() throws IOException {
        int code = run("execute", "--definition", file("d.json", PASS), "--input", "@" + file("i.json", "{\"x\":2}"),
                "--history");
        JsonNode result = Json.parse(stdout());
        assertThat(code).isZero();
        assertThat(result.get("history").findValuesAsText("type")).containsExactly("ExecutionStarted",
                "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(result.get("history").get(2).get("previousEventId").asInt()).isEqualTo(2);
        assertThat(result.get("history").get(2).get("stateExitedEventDetails").get("output").asText())
                .isEqualTo("{\"v\":2}");
    }

    @Test
    void execute_failure_printsErrorAndCause_exitsOne() throws IOException {
        int code = run("execute", "--definition", file("d.json", """
            {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}"""), "--input", "{}");
        assertThat(code).isEqualTo(1);
        assertThat(stdout()).isEqualTo("{\"status\":\"FAILED\",\"error\":\"E\",\"cause\":\"C\"}");
    }

    @Test
    void execute_definitionNotJson_clearMessageNoStackTrace() throws IOException {
        int code = run("execute", "--definition", file("d.json", "{nope"), "--input", "{}");
        assertThat(code).isEqualTo(3);
        assertThat(stderr()).startsWith("error: INVALID_JSON_DESCRIPTION").doesNotContain("Exception", "\tat ");
    }

    @Test
    void execute_unknownStateType_reportsTypeLocation() throws IOException {
        int code = run("execute", "--definition", file("d.json", """
            {"StartAt":"A","States":{"A":{"Type":"Paas","End":true}}}"""), "--input", "{}");
        assertThat(code).isEqualTo(3);
        assertThat(stderr()).contains("at /States/A/Type").doesNotContain("\tat ");
    }

    @Test
    void execute_nextToNowhere_reportsMissingTarget() throws IOException {
        int code = run("execute", "--definition", file("d.json", """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}"""), "--input", "{}");
        assertThat(code).isEqualTo(3);
        assertThat(stderr()).contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next");
    }

    @Test
    void execute_inputNotJson_exitsFourWithMessage() throws IOException {
        int code = run("execute", "--definition", file("d.json", PASS), "--input", "{x:");
        assertThat(code).isEqualTo(4);
        assertThat(stderr()).startsWith("error: The input is not valid JSON").doesNotContain("\tat ");
    }

    @Test
    void execute_missingFileAndUnknownOption_areReported() throws IOException {
        assertThat(run("execute", "--definition", dir.resolve("none.json").toString(), "--input", "{}"))
                .isEqualTo(4);
        assertThat(run("execute", "--definitoin", "x")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).doesNotContain("\tat ");
    }

    @Test
    void validate_invalid_printsDiagnosticsAndExitsThree() throws IOException {
        int code = run("validate", "--definition", file("d.json", """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}"""));
        JsonNode result = Json.parse(stdout());
        assertThat(code).isEqualTo(3);
        assertThat(result.get("result").asText()).isEqualTo("FAIL");
        assertThat(result.get("diagnostics").get(0).get("location").asText()).isEqualTo("/States/A/Next");
    }

    /** AWS's ValidateStateMachineDefinition gives MISSING_END_STATE without a location field. */
    @Test
    void validate_noTerminalState_diagnosticHasNoLocation() throws IOException {
        int code = run("validate", "--definition", file("d.json", """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A"}}}"""));
        assertThat(code).isEqualTo(3);
        assertThat(stdout()).isEqualTo("{\"result\":\"FAIL\",\"diagnostics\":[{\"severity\":\"ERROR\","
                + "\"code\":\"MISSING_END_STATE\",\"message\":\"Workflow has no terminal state\"}]}");
    }

    @Test
    void validate_valid_exitsZero() throws IOException {
        assertThat(run("validate", "--definition", file("d.json", PASS))).isZero();
        assertThat(stdout()).isEqualTo("{\"result\":\"OK\",\"diagnostics\":[]}");
    }

    @Test
    void testState_debug_showsEveryDataFlowStep() throws IOException {
        int code = run("test-state", "--definition", file("s.json", """
            {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F","InputPath":"$.in",
             "Parameters":{"p.$":"$.v"},"ResultSelector":{"r.$":"$.n"},"ResultPath":"$.out","Next":"N"}"""),
                "--input", "{\"in\":{\"v\":1}}", "--inspection-level", "DEBUG", "--mock-config",
                file("m.json", """
                    {"StateMachines":{"S":{"TestCases":{"T":{"TestState":"R"}}}},
                     "MockedResponses":{"R":{"0":{"Return":{"n":5}}}}}"""), "--test-case", "T");
        JsonNode r = Json.parse(stdout());
        assertThat(code).isZero();
        assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(r.get("nextState").asText()).isEqualTo("N");
        assertThat(r.get("output").asText()).isEqualTo("{\"in\":{\"v\":1},\"out\":{\"r\":5}}");
        JsonNode data = r.get("inspectionData");
        assertThat(data.get("afterInputPath").asText()).isEqualTo("{\"v\":1}");
        assertThat(data.get("afterParameters").asText()).isEqualTo("{\"p\":1}");
        assertThat(data.get("result").asText()).isEqualTo("{\"n\":5}");
        assertThat(data.get("afterResultSelector").asText()).isEqualTo("{\"r\":5}");
        assertThat(data.get("afterResultPath").asText()).isEqualTo("{\"in\":{\"v\":1},\"out\":{\"r\":5}}");
    }

    @Test
    void testState_retriableError_reportsRetriable() throws IOException {
        int code = run("test-state", "--definition", file("s.json", """
            {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
             "Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}"""), "--input", "{}");
        JsonNode r = Json.parse(stdout());
        assertThat(code).isZero();
        assertThat(r.get("status").asText()).isEqualTo("RETRIABLE");
        assertThat(r.get("error").asText()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(r.has("inspectionData")).isFalse();
    }
}
