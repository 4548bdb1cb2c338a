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
                "SCHEMA_VALIDATION_FAILED /States/C",
                "MISSING_TRANSITION_TARGET /States/B",
                "MISSING_TRANSITION_TARGET /States/C");
    }

    /** AWS (CloudFormation error quoted in aws-cloudformation/cfn-lint#4074): the word is 'Next' even for StartAt. */
    @Test
    void parse_startAtUnknown_reportsMissingTargetAndTheUnreachableState() {
        List<Diagnostic> found = DefinitionParser.parse("{\"StartAt\":\"X\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}")
                .diagnostics();
        assertThat(found).extracting(Diagnostic::render).containsExactly(
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /StartAt",
                "MISSING_TRANSITION_TARGET: State \"A\" is not reachable. at /States/A");
    }

    /** AWS (CreateStateMachine error quoted in localstack/localstack#12487): dangling Next, then unreachable states. */
    @Test
    void parse_unreachableState_isMissingTransitionTargetAtTheState() {
        List<Diagnostic> found = DefinitionParser.parse("""
            {"StartAt":"pass1","States":{"pass1":{"Type":"Pass","Next":"pass3"},
              "pass2":{"Type":"Pass","End":true}}}""").diagnostics();
        assertThat(found).extracting(Diagnostic::render).containsExactly(
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next",
                "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2");
    }

    @Test
    void parse_statesReachedThroughChoicesDefaultAndCatch_areReachable() {
        assertThat(problems("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"T"}],"Default":"D"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F","End":true,
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}]},
              "D":{"Type":"Succeed"},"F":{"Type":"Fail"}}}""")).isEmpty();
    }

    @Test
    void parse_unreachableStateInsideABranch_isReportedWithItsPointer() {
        assertThat(problems("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}]}}}"""))
                .containsExactly("MISSING_TRANSITION_TARGET /States/P/Branches/0/States/B");
    }

    /**
     * floci-io/floci#2735 / #2786 (measured against AWS): a loop without any terminal state is MISSING_END_STATE
     * "Workflow has no terminal state" with no location, and it replaces the unreachable-state check; dangling
     * targets in any position say 'Next'.
     */
    @Test
    void parse_noTerminalState_isMissingEndStateWithoutLocation() {
        List<Diagnostic> found = DefinitionParser.parse("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},
              "X":{"Type":"Pass","Next":"A"}}}""").diagnostics();
        assertThat(found).extracting(Diagnostic::render)
                .containsExactly("MISSING_END_STATE: Workflow has no terminal state at null");
        assertThat(found.get(0).location()).isNull();

        assertThat(DefinitionParser.parse("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"N"}],
              "Default":"M"},"E":{"Type":"Succeed"}}}""").diagnostics()).extracting(Diagnostic::render)
                .containsExactlyInAnyOrder(
                        "MISSING_TRANSITION_TARGET: Missing 'Next' target: N at /States/C/Choices/0/Next",
                        "MISSING_TRANSITION_TARGET: Missing 'Next' target: M at /States/C/Default",
                        "MISSING_TRANSITION_TARGET: State \"E\" is not reachable. at /States/E");
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
    void parse_jsonataAndDistributedMapItemReader_reportedAsUnsupported() {
        assertThat(problems("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemReader":{},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                "States":{"P":{"Type":"Pass","End":true}}}}}}"""))
                .containsExactlyInAnyOrder("UNSUPPORTED_BY_LOCAL_ENGINE /QueryLanguage",
                        "UNSUPPORTED_BY_LOCAL_ENGINE /States/M/ItemReader");
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

    /**
     * floci-io/floci#2735 (measured against AWS): a field a state type does not support is SCHEMA_VALIDATION_FAILED
     * "Field 'X' is not supported", located at the state, not at the field.
     */
    @Test
    void parse_fieldTheStateTypeDoesNotSupport_isReportedAtTheState() {
        List<Diagnostic> found = DefinitionParser.parse("""
            {"StartAt":"M","States":{
              "M":{"Type":"Map","TimeoutSeconds":5,"Next":"P",
                   "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}},
              "P":{"Type":"Pass","Catch":[{"ErrorEquals":["States.ALL"],"Next":"M"}],"End":true}}}""").diagnostics();
        assertThat(found).extracting(Diagnostic::render).containsExactlyInAnyOrder(
                "SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is not supported at /States/M",
                "SCHEMA_VALIDATION_FAILED: Field 'Catch' is not supported at /States/P");
    }

    @Test
    void parse_contextPathInResultPath_isRejected_elsewhereAccepted() {
        assertThat(problems("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$$.Execution.Input","End":true}}}"""))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/A/ResultPath");
        assertThat(problems("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$$.Execution.Input","Next":"W"},
              "W":{"Type":"Wait","TimestampPath":"$$.Execution.Input.at","End":true}}}""")).isEmpty();
    }
}
