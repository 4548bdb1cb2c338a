package dev.clipflow.local.runtime.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One condition of a statement: {@code Operator: {key: [values]}}. The string and ARN operators, their
 * {@code Not} forms and {@code IfExists} suffix, and {@code Null} are evaluated; the condition keys are those the
 * local endpoints put in a request's context ({@link #KEYS}). Anything else is refused when the policy loads
 * ({@link PolicyUnsupportedException}), never allowed silently.
 *
 * @param operator e.g. {@code StringLike}, {@code StringNotEqualsIfExists}
 * @param key the condition key, e.g. {@code s3:prefix}
 * @param values any of them may match (IAM's OR within one key)
 */
public record Condition(String operator, String key, List<String> values) {

    /**
     * The condition keys requests carry locally: S3's ListBucket keys, the global principal and region keys, and
     * {@code cloudwatch:namespace} (set by {@link StateMachineAuthorizer} for the state machine's PutMetricData
     * tasks; no local endpoint takes CloudWatch calls).
     */
    public static final Set<String> KEYS = Set.of("s3:prefix", "s3:delimiter", "s3:max-keys",
            "cloudwatch:namespace", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:RequestedRegion");

    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnNotEquals", "ArnLike",
            "ArnNotLike", "Null");

    public Condition {
        values = List.copyOf(values);
        String base = operator.endsWith("IfExists") ? operator.substring(0, operator.length() - 8) : operator;
        if (!OPERATORS.contains(base) || (base.equals("Null") && operator.endsWith("IfExists"))) {
            throw new PolicyUnsupportedException("The condition operator " + operator + " is not evaluated locally");
        }
        if (KEYS.stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
            throw new PolicyUnsupportedException("The condition key " + key + " is not evaluated locally (known: "
                    + new java.util.TreeSet<>(KEYS) + ")");
        }
    }

    /** Whether the condition holds for a request's context. */
    boolean holds(Map<String, String> context) {
        String value = context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (operator.equals("Null")) {
            return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == (value == null));
        }
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - 8) : operator;
        if (value == null) {
            // AWS: a missing key fails a positive operator and satisfies a negated one; IfExists makes it true
            return ifExists || base.contains("Not");
        }
        boolean negated = base.contains("Not");
        boolean any = values.stream().anyMatch(v -> switch (base.replace("Not", "")) {
            case "StringEquals", "ArnEquals" -> v.equals(value);
            case "StringEqualsIgnoreCase" -> v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
            case "StringLike", "ArnLike" -> Wildcards.matches(v, value, false);
            default -> false;
        });
        return negated != any;
    }
}
