package dev.clipflow.local.runtime.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads a SAM resource's {@code Policies} into statements: inline documents ({@code - Statement: [...]}) and SAM
 * policy templates ({@code - DynamoDBReadPolicy: {TableName: ...}}, expanded from {@link PolicyTemplates}).
 * Managed policies (a name or ARN) are refused: their documents are not in the template.
 */
public final class RolePolicies {

    private RolePolicies() {
    }

    /**
     * @param owner the resource, for error messages
     * @param policies the {@code Policies} value with the template's intrinsics resolved
     * @param resolver resolves the intrinsics a SAM policy template's definition uses ({@code Fn::Sub}, ...)
     * @throws PolicyUnsupportedException for anything the local evaluator would not evaluate faithfully
     */
    public static List<Statement> read(String owner, Object policies, UnaryOperator<Object> resolver) {
        List<Statement> out = new ArrayList<>();
        if (policies == null) {
            return out;
        }
        List<?> entries = policies instanceof List<?> l ? l : List.of(policies);
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new PolicyUnsupportedException(owner + ": the managed policy " + entry + " is not evaluated"
                        + " locally (its document is not in the template); state its statements inline");
            }
            if (map.containsKey("Statement")) {
                statements(owner, map.get("Statement"), out);
            } else if (map.size() == 1) {
                String name = String.valueOf(map.keySet().iterator().next());
                if (!PolicyTemplates.published().defines(name)) {
                    throw new PolicyUnsupportedException(owner + ": " + name + " is not a SAM policy template");
                }
                Map<String, Object> params = new LinkedHashMap<>();
                if (map.get(name) instanceof Map<?, ?> given) {
                    given.forEach((k, v) -> params.put(String.valueOf(k), v));
                }
                try {
                    statements(owner, resolver.apply(PolicyTemplates.published().expand(name, params)), out);
                } catch (PolicyUnsupportedException e) {
                    throw new PolicyUnsupportedException(owner + ": " + e.getMessage());
                }
            } else {
                throw new PolicyUnsupportedException(owner + ": a policy entry is neither a document nor a SAM policy"
                        + " template: " + map.keySet());
            }
        }
        return out;
    }

    private static void statements(String owner, Object statement, List<Statement> out) {
        List<?> list = statement instanceof List<?> l ? l : List.of(statement);
        for (Object s : list) {
            Map<?, ?> m = (Map<?, ?>) s;
            String effect = String.valueOf(m.get("Effect"));
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new PolicyUnsupportedException(owner + ": Effect must be Allow or Deny, not " + effect);
            }
            if (m.containsKey("Principal") || m.containsKey("NotPrincipal")) {
                throw new PolicyUnsupportedException(owner + ": an identity-based policy has no Principal");
            }
            boolean notAction = m.containsKey("NotAction");
            boolean notResource = m.containsKey("NotResource");
            List<Condition> conditions = new ArrayList<>();
            if (m.get("Condition") instanceof Map<?, ?> c) {
                c.forEach((operator, keys) -> ((Map<?, ?>) keys).forEach((key, values) -> {
                    try {
                        conditions.add(new Condition(String.valueOf(operator), String.valueOf(key), texts(values)));
                    } catch (PolicyUnsupportedException e) {
                        throw new PolicyUnsupportedException(owner + ": " + e.getMessage());
                    }
                }));
            }
            out.add(new Statement(m.get("Sid") == null ? null : String.valueOf(m.get("Sid")), effect.equals("Allow"),
                    texts(m.get(notAction ? "NotAction" : "Action")), notAction,
                    texts(m.get(notResource ? "NotResource" : "Resource")), notResource, conditions));
        }
    }

    private static List<String> texts(Object value) {
        if (value == null) {
            return List.of();
        }
        return (value instanceof List<?> l ? l : List.of(value)).stream().map(String::valueOf).toList();
    }
}
