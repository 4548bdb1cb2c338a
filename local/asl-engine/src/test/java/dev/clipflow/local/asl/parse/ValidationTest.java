package dev.clipflow.local.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static List<String> problems(String definition) {
        return DefinitionParser.parse(definition).diagnostics().stream()
                .map(d -> d.code() + " " + d.location()).toList();
    }

    @Test
    void parse_severalProblems_allReportedWithTheirPointers() {
        List<String> found = problems("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Next":"Nowhere"},
              "B":{"Type":"Bogus"},
              "C":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F","Next":"A","End":true}}}""");
        assertThat(found).containsExactlyInAnyOrder(
                "MISSING_TRANSITION_TARGET /States/A/Next",
                "SCHEMA_VALIDATION_FAILED /States/B/Type",
                "SCHEMA_VALIDATION_FAILED /States/C");
    }

    @Test
    void parse_startAtUnknown_reportsMissingTarget() {
        assertThat(problems("{\"StartAt\":\"X\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"))
                .containsExactly("MISSING_TRANSITION_TARGET /StartAt");
    }

    @Test
    void parse_statesAllNotLastOrNotAlone_isRejected() {
        List<String> found = problems("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
              "End":true,"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],
              "Catch":[{"ErrorEquals":["States.ALL","X"],"Next":"T"}]}}}""");
        assertThat(found).containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/T/Retry/0/ErrorEquals",
                "SCHEMA_VALIDATION_FAILED /States/T/Catch/0/ErrorEquals");
    }

    @Test
    void parse_choiceOperandOfWrongType_pointsAtTheOperator() {
        assertThat(problems("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Variable":"$.a","NumericEquals":"1","Next":"D"},
              {"And":[{"Variable":"$.a","TimestampEquals":"yesterday"}],"Next":"D"}]},
             "D":{"Type":"Succeed"}}}"""))
                .containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/C/Choices/0/NumericEquals",
                        "SCHEMA_VALIDATION_FAILED /States/C/Choices/1/And/0/TimestampEquals");
    }

    @Test
    void parse_badPathsAndIntrinsics_pointAtTheField() {
        assertThat(problems("""
            {"StartAt":"P","States":{"P":{"Type":"Pass","ResultPath":"$.a[*]","InputPath":"nope",
              "Parameters":{"x":{"y.$":"States.Nope($.a)"}},"End":true}}}"""))
                .containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/P/ResultPath",
                        "SCHEMA_VALIDATION_FAILED /States/P/InputPath",
                        "SCHEMA_VALIDATION_FAILED /States/P/Parameters/x/y.$");
    }

    @Test
    void parse_branchTransitionsAreScopedAndNamesUnique() {
        assertThat(problems("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"Outer"}}}]},
             "Outer":{"Type":"Succeed"}}}"""))
                .contains("MISSING_TRANSITION_TARGET /States/P/Branches/0/States/P/Next",
                        "DUPLICATE_STATE_NAME /States/P/Branches/0/States/P");
    }

    @Test
    void parse_jsonataAndDistributedMap_reportedAsUnsupported() {
        assertThat(problems("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P",
                "States":{"P":{"Type":"Pass","End":true}}}}}}"""))
                .containsExactlyInAnyOrder("UNSUPPORTED_BY_LOCAL_ENGINE /QueryLanguage",
                        "UNSUPPORTED_BY_LOCAL_ENGINE /States/M/ItemProcessor/ProcessorConfig/Mode");
    }

    @Test
    void parse_notJson_isInvalidJsonDescription() {
        assertThat(problems("{\"StartAt\": ")).singleElement().asString().startsWith("INVALID_JSON_DESCRIPTION");
    }

    @Test
    void orThrow_invalidDefinition_neverHandsOutAModel() {
        assertThatThrownBy(() -> DefinitionParser.parse("{\"StartAt\":\"A\",\"States\":{}}").orThrow())
                .isInstanceOf(DefinitionInvalidException.class)
                .hasMessageContaining("SCHEMA_VALIDATION_FAILED");
    }

    @Test
    void parse_waitWithTwoDurations_andHeartbeatNotBelowTimeout_areRejected() {
        assertThat(problems("""
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F","TimeoutSeconds":5,
                   "HeartbeatSeconds":5,"End":true}}}"""))
                .containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/W",
                        "SCHEMA_VALIDATION_FAILED /States/T/HeartbeatSeconds");
    }
}
