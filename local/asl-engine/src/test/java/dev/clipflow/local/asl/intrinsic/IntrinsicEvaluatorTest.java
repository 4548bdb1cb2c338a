package dev.clipflow.local.asl.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class IntrinsicEvaluatorTest {

    private static JsonNode eval(String expr, String input) {
        return IntrinsicEvaluator.eval(IntrinsicParser.parse(expr), "f.$", Json.parse(input), Json::object);
    }

    @RepeatedTest(20)
    void mathRandom_staysWithinStartInclusiveEndExclusive() {
        int v = eval("States.MathRandom(1, 4)", "{}").intValue();
        assertThat(v).isBetween(1, 3);
    }

    @Test
    void mathRandom_withSeed_isRepeatable() {
        assertThat(eval("States.MathRandom(1, 1000, 7)", "{}")).isEqualTo(eval("States.MathRandom(1, 1000, 7)", "{}"));
    }

    @Test
    void uuid_isAVersion4Uuid() {
        assertThat(eval("States.UUID()", "{}").textValue())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void arrayRange_moreThanAThousandItems_fails() {
        assertThatThrownBy(() -> eval("States.ArrayRange(1, 1001, 1)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessage("Invalid arguments in States.ArrayRange");
        assertThat(eval("States.ArrayRange(1, 1000, 1)", "{}").size()).isEqualTo(1000);
    }

    @Test
    void mathAdd_outsideIntRange_fails() {
        assertThatThrownBy(() -> eval("States.MathAdd($.a, 1)", "{\"a\":2147483648}"))
                .hasMessage("Invalid arguments in States.MathAdd");
    }

    @Test
    void jsonMerge_deepTrue_isRejected() {
        assertThatThrownBy(() -> eval("States.JsonMerge($.a, $.a, true)", "{\"a\":{}}"))
                .hasMessage("Invalid arguments in States.JsonMerge");
    }

    @Test
    void format_escapedBraces_areLiteral() {
        assertThat(eval("States.Format('\\\\{{}\\\\}', $.v)", "{\"v\":1}").textValue()).isEqualTo("{1}");
    }

    @Test
    void parse_unknownFunction_isSyntaxError() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Nope(1)")).isInstanceOf(IntrinsicSyntaxException.class);
    }

    @Test
    void pathArgument_missing_reportsThePathAsTheField() {
        assertThatThrownBy(() -> eval("States.ArrayLength($.nope)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessage("The JsonPath argument for the field '$.nope' could not be found in the input '{}'");
    }
}
