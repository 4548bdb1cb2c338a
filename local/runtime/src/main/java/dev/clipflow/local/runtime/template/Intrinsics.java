package dev.clipflow.local.runtime.template;

import dev.clipflow.testing.template.CfnYaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions in a template value: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::If} with the condition functions ({@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And},
 * {@code Fn::Or}, {@code Condition}), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::GetAZs} and {@code AWS::NoValue}. Other functions and
 * references without a local counterpart become {@link Unresolved}.
 */
final class Intrinsics {

    /** Marks a value removed by {@code AWS::NoValue}. */
    static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final BiFunction<String, String, Object> references;
    private final Map<String, Boolean> evaluated = new LinkedHashMap<>();

    /**
     * @param references (logicalId, attribute or null for Ref) → value; parameters are handled here
     */
    Intrinsics(Map<String, Object> parameters, Map<String, Object> conditions, Map<String, Object> mappings,
               BiFunction<String, String, Object> references) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.references = references;
    }

    Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, map.values().iterator().next());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    out.put(String.valueOf(k), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object v : list) {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    boolean condition(String name) {
        Boolean known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        Object def = conditions.get(name);
        if (def == null) {
            throw new TemplateInvalidException("Unknown condition: " + name);
        }
        boolean v = truth(def);
        evaluated.put(name, v);
        return v;
    }

    private boolean truth(Object expr) {
        if (expr instanceof Map<?, ?> m && m.size() == 1) {
            String fn = String.valueOf(m.keySet().iterator().next());
            Object arg = m.values().iterator().next();
            switch (fn) {
                case "Condition":
                    return condition(String.valueOf(arg));
                case "Fn::Equals": {
                    List<?> l = (List<?>) arg;
                    return String.valueOf(resolve(l.get(0))).equals(String.valueOf(resolve(l.get(1))));
                }
                case "Fn::Not":
                    return !truth(((List<?>) arg).get(0));
                case "Fn::And":
                    return ((List<?>) arg).stream().allMatch(this::truth);
                case "Fn::Or":
                    return ((List<?>) arg).stream().anyMatch(this::truth);
                default:
                    break;
            }
        }
        Object v = resolve(expr);
        return Boolean.parseBoolean(String.valueOf(v));
    }

    private Object function(String fn, Object arg) {
        return switch (fn) {
            case "Ref" -> ref(String.valueOf(arg));
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Sub" -> sub(arg);
            case "Fn::If" -> {
                List<?> l = (List<?>) arg;
                yield resolve(condition(String.valueOf(l.get(0))) ? l.get(1) : l.get(2));
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> truth(Map.of(fn, arg));
            case "Fn::Join" -> {
                List<?> l = (List<?>) arg;
                List<String> parts = new ArrayList<>();
                for (Object o : (List<?>) resolve(l.get(1))) {
                    parts.add(String.valueOf(o));
                }
                yield String.join(String.valueOf(l.get(0)), parts);
            }
            case "Fn::Select" -> {
                List<?> l = (List<?>) arg;
                yield ((List<?>) resolve(l.get(1))).get(Integer.parseInt(String.valueOf(resolve(l.get(0)))));
            }
            case "Fn::Split" -> {
                List<?> l = (List<?>) arg;
                yield List.of(String.valueOf(resolve(l.get(1))).split(Pattern.quote(String.valueOf(l.get(0))), -1));
            }
            case "Fn::FindInMap" -> findInMap((List<?>) arg);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    String.valueOf(resolve(arg)).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(LocalAws.REGION + "a", LocalAws.REGION + "b", LocalAws.REGION + "c");
            default -> new Unresolved(fn.replace("Fn::", "") + " " + arg);
        };
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::Region" -> LocalAws.REGION;
            case "AWS::AccountId" -> LocalAws.ACCOUNT;
            case "AWS::Partition" -> LocalAws.PARTITION;
            case "AWS::URLSuffix" -> LocalAws.URL_SUFFIX;
            case "AWS::NoValue" -> NO_VALUE;
            case "AWS::StackName", "AWS::StackId" -> references.apply("AWS::StackName", null);
            case "AWS::NotificationARNs" -> List.of();
            default -> parameters.containsKey(name) ? parameters.get(name) : references.apply(name, null);
        };
    }

    private Object getAtt(Object arg) {
        List<?> l = arg instanceof String s ? CfnYaml.splitAttribute(s) : (List<?>) arg;
        return references.apply(String.valueOf(l.get(0)), String.valueOf(resolve(l.get(1))));
    }

    private Object sub(Object arg) {
        String text;
        Map<String, Object> vars = new LinkedHashMap<>();
        if (arg instanceof List<?> l) {
            text = String.valueOf(l.get(0));
            if (l.size() > 1 && l.get(1) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> vars.put(String.valueOf(k), resolve(v)));
            }
        } else {
            text = String.valueOf(arg);
        }
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else {
                String var = m.group(2).strip();
                Object v;
                if (vars.containsKey(var)) {
                    v = vars.get(var);
                } else if (var.contains(".") && !var.startsWith("AWS::")) {
                    v = getAtt(var);
                } else {
                    v = ref(var);
                }
                replacement = String.valueOf(v);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object findInMap(List<?> l) {
        Object map = mappings.get(String.valueOf(resolve(l.get(0))));
        if (map instanceof Map<?, ?> top && top.get(String.valueOf(resolve(l.get(1)))) instanceof Map<?, ?> second) {
            return resolve(second.get(String.valueOf(resolve(l.get(2)))));
        }
        return new Unresolved("FindInMap " + l);
    }
}
