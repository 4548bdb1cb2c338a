package dev.clipflow.local.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ManualClock;
import dev.clipflow.local.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every single-value mutation of a rich definition is either reported or runs; nothing throws. */
class ParserRobustnessTest {

    private static final String RICH = """
        {"StartAt":"P","TimeoutSeconds":100,"States":{
          "P":{"Type":"Pass","InputPath":"$.a","Parameters":{"x.$":"$.b","y.$":"States.Format('{}', $.b)"},
               "ResultPath":"$.r","OutputPath":"$","Next":"C"},
          "C":{"Type":"Choice","Choices":[{"Variable":"$.r.x","NumericGreaterThan":1,"Next":"T"},
               {"And":[{"Variable":"$.r.y","IsPresent":true},{"Not":{"Variable":"$.r.y","StringMatches":"a*"}}],
                "Next":"M"}],"Default":"W"},
          "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F","TimeoutSeconds":5,
               "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1,"MaxAttempts":2,"BackoffRate":2.0}],
               "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.e","Next":"F"}],"Next":"W"},
          "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ItemSelector":{"v.$":"$$.Map.Item.Value"},
               "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Next":"Par"},
          "Par":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}],"Next":"W"},
          "W":{"Type":"Wait","Seconds":1,"Next":"S"},
          "F":{"Type":"Fail","Error":"X","CausePath":"$.e.Cause"},
          "S":{"Type":"Succeed"}}}""";

    private static final List<JsonNode> REPLACEMENTS = List.of(Json.NODES.nullNode(), Json.NODES.numberNode(-1),
            Json.text("x"), Json.text("$.zz"), Json.array(), Json.object(), Json.NODES.booleanNode(true));

    @Test
    void parse_everySingleValueMutation_neverThrowsAndValidOnesRun() {
        JsonNode root = Json.parse(RICH);
        List<JsonNode> variants = new ArrayList<>();
        mutate(root, root, variants);
        int valid = 0;
        for (JsonNode v : variants) {
            ParseResult r = DefinitionParser.parse(Json.write(v));
            if (r.valid()) {
                valid++;
                ExecutionResult e = new Engine(Fixtures.noFunctions(), new ManualClock(Fixtures.T0))
                        .execute(r.model(), Json.parse("{\"a\":{\"b\":2,\"items\":[1]}}"), ExecutionOptions.defaults());
                assertThat(e.status()).isNotNull();
            } else {
                assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.location() == null
                        ? Diagnostic.MISSING_END_STATE : d.location()).matches("(/.*)?|MISSING_END_STATE"));
            }
        }
        assertThat(variants.size()).isGreaterThan(300);
        assertThat(valid).isPositive().isLessThan(variants.size());
    }

    private static void mutate(JsonNode root, JsonNode node, List<JsonNode> out) {
        if (node instanceof ObjectNode obj) {
            for (String key : iterable(obj)) {
                JsonNode original = obj.get(key);
                for (JsonNode r : REPLACEMENTS) {
                    obj.set(key, r);
                    out.add(root.deepCopy());
                }
                obj.set(key, original);
                mutate(root, original, out);
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode original = arr.get(i);
                for (JsonNode r : REPLACEMENTS) {
                    arr.set(i, r);
                    out.add(root.deepCopy());
                }
                arr.set(i, original);
                mutate(root, original, out);
            }
        }
    }

    private static List<String> iterable(ObjectNode obj) {
        List<String> keys = new ArrayList<>();
        obj.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
