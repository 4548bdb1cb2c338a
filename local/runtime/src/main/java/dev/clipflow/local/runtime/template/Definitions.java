package dev.clipflow.local.runtime.template;

import dev.clipflow.local.asl.json.Json;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** State machine definition text: {@code DefinitionSubstitutions} and inline definitions. */
final class Definitions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");

    private Definitions() {
    }

    /**
     * Replaces each {@code ${name}} that has a substitution, as CloudFormation does; others stay.
     */
    static String substitute(String definition, Map<String, String> substitutions) {
        Matcher m = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = substitutions.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String toJson(Object inline) {
        if (inline == null) {
            throw new TemplateInvalidException("A state machine has neither DefinitionUri nor Definition");
        }
        return Json.write(Json.MAPPER.valueToTree(inline));
    }
}
