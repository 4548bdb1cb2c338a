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
}
