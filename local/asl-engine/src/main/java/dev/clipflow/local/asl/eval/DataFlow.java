package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.path.PathNotFoundException;
import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.path.ReferencePath;
import dev.clipflow.local.asl.template.PayloadTemplate;
import dev.clipflow.local.asl.template.TemplateFailureException;
import java.util.function.Supplier;

/** Input and output processing steps with AWS's failure texts. */
final class DataFlow {

    private DataFlow() {
    }

    /** InputPath or OutputPath: {@code null} (JSON null in the definition) gives {@code {}}. */
    static JsonNode select(QueryPath path, JsonNode value, Scope scope) {
        if (path == null) {
            return Json.object();
        }
        try {
            return path.read(scope.root(path, value));
        } catch (PathNotFoundException e) {
            throw scope.runtime("Invalid path '" + path.text() + "' : " + e.getMessage());
        }
    }

    /** Parameters, ResultSelector or ItemSelector. */
    static JsonNode template(PayloadTemplate template, JsonNode input, Supplier<JsonNode> context, Scope scope) {
        try {
            return template.apply(input, context);
        } catch (TemplateFailureException e) {
            throw scope.runtime(e.getMessage());
        }
    }

    /** ResultPath: {@code null} keeps the input, {@code $} replaces it, other paths merge into a copy. */
    static JsonNode resultPath(ReferencePath path, JsonNode input, JsonNode result) {
        if (path == null) {
            return input;
        }
        if (path.isRoot()) {
            return result;
        }
        JsonNode out = path.put(input, result);
        if (out == null) {
            throw new StatesErrorException(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ReferencePath "
                    + path.text() + " to input " + Json.write(Json.text(Json.write(input))));
        }
        return out;
    }
}
