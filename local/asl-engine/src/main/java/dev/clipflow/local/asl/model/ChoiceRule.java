package dev.clipflow.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.path.ReferencePath;
import java.time.OffsetDateTime;
import java.util.List;

/** A Choice Rule: a boolean combination or one comparison. */
public sealed interface ChoiceRule {

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
    }

    /**
     * {@code Variable} compared with a literal or, for the {@code ...Path} operators, with another path.
     *
     * @param value the literal operand ({@code null} for path operators)
     * @param valuePath the path operand ({@code null} for literal operators)
     * @param timestamp the parsed literal for timestamp operators, else {@code null}
     */
    record Comparison(ReferencePath variable, ChoiceOperator operator, JsonNode value, ReferencePath valuePath,
                      OffsetDateTime timestamp) implements ChoiceRule {
    }
}
