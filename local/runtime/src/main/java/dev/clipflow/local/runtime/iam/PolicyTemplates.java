package dev.clipflow.local.runtime.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM's policy templates ({@code DynamoDBCrudPolicy}, {@code S3ReadPolicy}, ...) from the definitions SAM
 * publishes: {@code sam-policy-templates.json} beside this class is aws-sam-translator's
 * {@code policy_templates.json}, copied unchanged (version, licence and checksum in
 * {@code sam-policy-templates.NOTICE.md}). Expanding one gives its {@code Statement} list with the template's
 * parameters put in place of their {@code Ref}s; the other intrinsics ({@code Fn::Sub} with
 * {@code ${AWS::Partition}}, ...) are left for the template's resolver, as SAM leaves them for CloudFormation.
 */
public final class PolicyTemplates {

    /** The file's resource name, beside this class. */
    static final String RESOURCE = "sam-policy-templates.json";

    private static final PolicyTemplates PUBLISHED = load();

    private final Map<String, Object> templates;

    private PolicyTemplates(Map<String, Object> templates) {
        this.templates = templates;
    }

    /** SAM's published templates. */
    public static PolicyTemplates published() {
        return PUBLISHED;
    }

    public boolean defines(String name) {
        return templates.containsKey(name);
    }

    public Set<String> names() {
        return templates.keySet();
    }

    /**
     * The statements of template {@code name} with its parameters bound.
     *
     * @param parameters the values given in the template ({@code {TableName: clipflow-local-VideosTable}})
     * @throws PolicyUnsupportedException when there is no such template, or a parameter is missing or unknown
     */
    public List<Object> expand(String name, Map<String, Object> parameters) {
        Map<?, ?> template = (Map<?, ?>) templates.get(name);
        if (template == null) {
            throw new PolicyUnsupportedException("No SAM policy template named " + name);
        }
        Map<?, ?> declared = (Map<?, ?>) template.get("Parameters");
        for (Object p : declared.keySet()) {
            if (!parameters.containsKey(String.valueOf(p))) {
                throw new PolicyUnsupportedException("The SAM policy template " + name + " needs the parameter " + p);
            }
        }
        for (String p : parameters.keySet()) {
            if (!declared.containsKey(p)) {
                throw new PolicyUnsupportedException("The SAM policy template " + name + " has no parameter " + p
                        + " (its parameters: " + declared.keySet() + ")");
            }
        }
        Object statements = bind(((Map<?, ?>) template.get("Definition")).get("Statement"), parameters);
        return statements instanceof List<?> l ? new ArrayList<>(l) : List.of(statements);
    }

    /** A copy of {@code value} with every {@code {"Ref": parameter}} replaced by the parameter's value. */
    private static Object bind(Object value, Map<String, Object> parameters) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Ref") && parameters.containsKey(String.valueOf(map.get("Ref")))) {
                return parameters.get(String.valueOf(map.get("Ref")));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), bind(v, parameters)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> bind(v, parameters)).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static PolicyTemplates load() {
        try (InputStream in = PolicyTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, Object> root = new ObjectMapper().readValue(in, Map.class);
            return new PolicyTemplates((Map<String, Object>) root.get("Templates"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
