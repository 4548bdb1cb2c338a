package dev.clipflow.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * template.yaml reduced to what the LocalStack community image runs, derived from the template (never a second
 * hand-kept copy): resources of the licensed services are removed (API Gateway v2 / HTTP APIs, Cognito, CloudFront,
 * Lambda layers), and so is what refers to them: the functions' {@code HttpApi} events, the Lambda permissions
 * whose {@code SourceArn} names a removed API, list items such as policy statements, Outputs; an environment
 * variable that names a removed resource gets the placeholder {@code https://<resource>.invalid}. A function that had a
 * removed layer gets its layer's content in its own zip
 * (see {@link LambdaZips}) and its {@code /opt/...} paths become {@code /var/task/...}, where Lambda extracts the
 * zip. Any other reference to a removed resource is an error, so a new dependency on a licensed service is noticed
 * rather than deployed half.
 *
 * @param template the reduced template, long-form intrinsics ({@code Ref}, {@code Fn::Sub}, ...)
 * @param removed the logical ids removed
 * @param layered the functions whose layers were removed (they need the layer's content in their zip)
 */
public record CommunityTemplate(Map<String, Object> template, Set<String> removed, Set<String> layered) {

    private static final List<String> PRO_TYPE_PREFIXES = List.of("AWS::Cognito::", "AWS::CloudFront::",
            "AWS::ApiGatewayV2::", "AWS::ApiGateway::");
    private static final Set<String> PRO_TYPES = Set.of("AWS::Serverless::HttpApi", "AWS::Serverless::Api",
            "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion");
    private static final Set<String> API_EVENTS = Set.of("HttpApi", "Api");
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    /** Whether the LocalStack community image lacks this resource type (a licensed feature). */
    static boolean licensed(String type) {
        return PRO_TYPES.contains(type) || PRO_TYPE_PREFIXES.stream().anyMatch(type::startsWith);
    }

    /**
     * @param source the parsed template.yaml, long-form intrinsics (left unchanged)
     * @throws CommunityTemplateException when something still refers to a removed resource
     */
    @SuppressWarnings("unchecked")
    public static CommunityTemplate derive(Map<String, Object> source) {
        Map<String, Object> template = (Map<String, Object>) deepCopy(source);
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        Set<String> removed = new LinkedHashSet<>();
        resources.forEach((id, r) -> {
            if (licensed(String.valueOf(((Map<String, Object>) r).get("Type")))) {
                removed.add(id);
            }
        });
        removed.forEach(resources::remove);
        // A Lambda permission for a removed API (its SourceArn names it) grants nothing without it: removed too.
        resources.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if ("AWS::Lambda::Permission".equals(resource.get("Type"))
                    && resource.get("Properties") instanceof Map<?, ?> p
                    && !references(p.get("SourceArn"), removed).isEmpty()) {
                removed.add(id);
            }
        });
        removed.forEach(resources::remove);
        Set<String> layered = new LinkedHashSet<>();
        resources.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if ("AWS::Serverless::Function".equals(resource.get("Type"))
                    && resource.get("Properties") instanceof Map<?, ?> p) {
                if (reducedFunction(id, (Map<String, Object>) p, removed)) {
                    layered.add(id);
                }
            }
        });
        if (template.get("Outputs") instanceof Map<?, ?> outputs) {
            outputs.values().removeIf(o -> !references(o, removed).isEmpty());
        }
        resources.values().forEach(r -> dropListItems(r, removed));
        List<String> left = new ArrayList<>();
        collect(template, "", removed, left);
        if (!left.isEmpty()) {
            throw new CommunityTemplateException(left);
        }
        return new CommunityTemplate(template, Set.copyOf(removed), Set.copyOf(layered));
    }

    /** Drops the function's API events and removed layers; answers whether it had one of those layers. */
    @SuppressWarnings("unchecked")
    private static boolean reducedFunction(String id, Map<String, Object> props, Set<String> removed) {
        if (props.get("Events") instanceof Map<?, ?> events) {
            events.values().removeIf(e -> e instanceof Map<?, ?> m && API_EVENTS.contains(m.get("Type")));
            if (events.isEmpty()) {
                props.remove("Events");
            }
        }
        boolean layered = props.get("Layers") != null && !references(props.get("Layers"), removed).isEmpty();
        if (layered) {
            props.remove("Layers");
        }
        if (props.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            for (Map.Entry<String, Object> v : ((Map<String, Object>) vars).entrySet()) {
                Set<String> refs = references(v.getValue(), removed);
                if (!refs.isEmpty()) {
                    v.setValue("https://" + refs.iterator().next().toLowerCase(Locale.ROOT) + ".invalid");
                } else if (layered && v.getValue() instanceof String s && s.startsWith("/opt/")) {
                    v.setValue("/var/task/" + s.substring("/opt/".length()));
                }
            }
        }
        return layered;
    }

    /** Removes, at any depth, the list items that refer to a removed resource (e.g. a bucket policy statement). */
    private static void dropListItems(Object node, Set<String> removed) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> dropListItems(v, removed));
        } else if (node instanceof List<?> list) {
            list.removeIf(item -> item instanceof Map<?, ?> && !references(item, removed).isEmpty());
            list.forEach(v -> dropListItems(v, removed));
        }
    }

    /** The removed resources {@code node} refers to ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}). */
    static Set<String> references(Object node, Set<String> removed) {
        Set<String> found = new LinkedHashSet<>();
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref && removed.contains(ref)) {
                found.add(ref);
            }
            Object getAtt = map.get("Fn::GetAtt");
            String target = getAtt instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.getFirst())
                    : getAtt instanceof String s ? s.split("\\.", 2)[0] : null;
            if (target != null && removed.contains(target)) {
                found.add(target);
            }
            Object sub = map.get("Fn::Sub");
            String text = sub instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.getFirst())
                    : sub instanceof String s ? s : null;
            if (text != null) {
                Matcher m = SUB_REFERENCE.matcher(text);
                while (m.find()) {
                    if (removed.contains(m.group(1))) {
                        found.add(m.group(1));
                    }
                }
            }
            map.values().forEach(v -> found.addAll(references(v, removed)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> found.addAll(references(v, removed)));
        }
        return found;
    }

    private static void collect(Object node, String pointer, Set<String> removed, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("Ref") || map.containsKey("Fn::GetAtt") || map.containsKey("Fn::Sub")) {
                Set<String> refs = references(map, removed);
                if (!refs.isEmpty()) {
                    out.add(pointer + " -> " + refs);
                    return;
                }
            }
            map.forEach((k, v) -> collect(v, pointer + "/" + k, removed, out));
            if (map.get("DependsOn") instanceof Object d && !(d instanceof Map<?, ?>)) {
                (d instanceof List<?> l ? l : List.of(d)).stream().filter(removed::contains)
                        .forEach(x -> out.add(pointer + "/DependsOn -> " + x));
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), pointer + "/" + i, removed, out);
            }
        }
    }

    /** Points a function's {@code CodeUri} at another file (a path relative to the template's folder). */
    @SuppressWarnings("unchecked")
    public void codeUri(String functionId, String path) {
        Map<String, Object> resource = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                .get(functionId);
        ((Map<String, Object>) resource.get("Properties")).put("CodeUri", path);
    }

    /** The function's {@code CodeUri} as the template states it. */
    @SuppressWarnings("unchecked")
    public String codeUri(String functionId) {
        Map<String, Object> resource = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                .get(functionId);
        return String.valueOf(((Map<String, Object>) resource.get("Properties")).get("CodeUri"));
    }

    /** The reduced template as block-style YAML (long-form intrinsics), ready for {@link TemplateArtifacts}. */
    public String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(options).dump(template);
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }
}
