package dev.clipflow.local.asl.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import org.junit.jupiter.api.Test;

class ReferencePathTest {

    @Test
    void put_copiesAlongThePath_andLeavesTheInputUntouched() {
        JsonNode input = Json.parse("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":true}");
        JsonNode out = ReferencePath.parse("$.a.b").put(input, Json.text("x"));
        assertThat(Json.write(out)).isEqualTo("{\"a\":{\"b\":\"x\",\"c\":[1,2]},\"d\":true}");
        assertThat(Json.write(input)).isEqualTo("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":true}");
    }

    @Test
    void tryParse_bracketAndDotForms_areSimple_wildcardsAreNot() {
        assertThat(ReferencePath.tryParse("$['a b'].c[2]").find(Json.parse("{\"a b\":{\"c\":[0,1,2]}}")).intValue())
                .isEqualTo(2);
        assertThat(ReferencePath.tryParse("$.a[*]")).isNull();
        assertThat(ReferencePath.tryParse("$..a")).isNull();
    }

    @Test
    void queryPath_missingDefinitePath_carriesJaywaysMessage() {
        QueryPath p = QueryPath.parse("$.a.b");
        assertThat(p.find(Json.parse("{\"a\":{}}"))).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.read(Json.parse("{\"a\":{}}")))
                .isInstanceOf(PathNotFoundException.class).hasMessage("No results for path: $['a']['b']");
    }

    @Test
    void queryPath_filter_returnsMatchingItems() {
        JsonNode r = QueryPath.parse("$.xs[?(@.ok == true)].n").read(Json.parse(
                "{\"xs\":[{\"ok\":true,\"n\":1},{\"ok\":false,\"n\":2},{\"ok\":true,\"n\":3}]}"));
        assertThat(Json.write(r)).isEqualTo("[1,3]");
    }

    @Test
    void tryParse_quotedNameWithEscapes_andContextPaths() {
        JsonNode in = Json.parse("{\"Test\\\"Name\":5,\"it's\":6}");
        assertThat(ReferencePath.tryParse("$['Test\\\"Name']").find(in).intValue()).isEqualTo(5);
        assertThat(ReferencePath.tryParse("$['Test\"Name']").find(in).intValue()).isEqualTo(5);
        assertThat(ReferencePath.tryParse("$['it\\'s']").find(in).intValue()).isEqualTo(6);
        assertThat(ReferencePath.tryParse("$['a','b']")).isNull();
        ReferencePath ctx = ReferencePath.tryParse("$$.Execution.Input");
        assertThat(ctx.context()).isTrue();
        assertThat(ctx.find(Json.parse("{\"Execution\":{\"Input\":7}}")).intValue()).isEqualTo(7);
        assertThat(ReferencePath.tryParse("$.a").context()).isFalse();
    }

    @Test
    void queryPath_indefinitePathOverAMissingField_isEmpty_definiteOneStillFails() {
        assertThat(Json.write(QueryPath.parse("$.items[*].x").read(Json.parse("{}")))).isEqualTo("[]");
        assertThat(Json.write(QueryPath.parse("$.items[1:]").read(Json.parse("{}")))).isEqualTo("[]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QueryPath.parse("$.items[0]").read(Json.parse("{}")))
                .isInstanceOf(PathNotFoundException.class);
        assertThat(QueryPath.parse("$$.Execution").context()).isTrue();
    }
}
