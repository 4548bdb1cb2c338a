package dev.clipflow.local.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import dev.clipflow.local.asl.path.PathNotFoundException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringTokenizer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Evaluates intrinsic calls with AWS's argument checks. Failures throw {@link IntrinsicFailureException} whose
 * message is AWS's cause text ({@code Invalid arguments in States.X}).
 */
public final class IntrinsicEvaluator {

    static final int MAX_STRING = 10_000;
    static final int MAX_RANGE_ITEMS = 1_000;
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final Map<String, String> HASHES = Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256",
            "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private IntrinsicEvaluator() {
    }

    /**
     * Evaluates a call.
     *
     * @param field the {@code .$} field name, for path-not-found messages
     * @param input the effective input ({@code $})
     * @param context the context object ({@code $$}), built on demand
     */
    public static JsonNode eval(IntrinsicArg.Call call, String field, JsonNode input, Supplier<JsonNode> context) {
        List<JsonNode> args = new ArrayList<>(call.args().size());
        for (IntrinsicArg arg : call.args()) {
            args.add(value(arg, field, input, context));
        }
        return apply(call.function(), args);
    }

    private static JsonNode value(IntrinsicArg arg, String field, JsonNode input, Supplier<JsonNode> context) {
        return switch (arg) {
            case IntrinsicArg.Literal lit -> lit.value();
            case IntrinsicArg.Call nested -> eval(nested, field, input, context);
            case IntrinsicArg.PathArg p -> {
                JsonNode root = p.context() ? context.get() : input;
                try {
                    yield p.path().readStrict(root);
                } catch (PathNotFoundException e) {
                    // AWS (causes from real executions): the field named is the path argument as written
                    throw new IntrinsicFailureException("The JsonPath argument for the field '" + p.text()
                            + "' could not be found in the input '" + Json.write(root) + "'", true);
                }
            }
        };
    }

    static JsonNode apply(IntrinsicFunction fn, List<JsonNode> a) {
        return switch (fn) {
            case FORMAT -> format(a);
            case STRING_TO_JSON -> {
                String s = str(fn, a, 0, 1);
                if (s.isBlank()) {
                    yield Json.NODES.nullNode(); // AWS: an empty or blank string parses to null
                }
                try {
                    yield Json.parse(s);
                } catch (JsonSyntaxException e) {
                    throw invalid(fn);
                }
            }
            case JSON_TO_STRING -> {
                count(fn, a, 1);
                yield Json.text(Json.write(a.get(0)));
            }
            case ARRAY -> {
                ArrayNode out = Json.array();
                out.addAll(a);
                yield out;
            }
            case ARRAY_PARTITION -> {
                ArrayNode arr = arr(fn, a, 0, 2);
                int size = truncated(fn, a.get(1));
                if (size <= 0) {
                    throw invalid(fn);
                }
                ArrayNode out = Json.array();
                for (int i = 0; i < arr.size(); i += size) {
                    ArrayNode chunk = out.addArray();
                    for (int j = i; j < Math.min(arr.size(), i + size); j++) {
                        chunk.add(arr.get(j));
                    }
                }
                yield out;
            }
            case ARRAY_CONTAINS -> {
                ArrayNode arr = arr(fn, a, 0, 2);
                boolean found = false;
                for (JsonNode e : arr) {
                    found |= sameJson(e, a.get(1));
                }
                yield Json.NODES.booleanNode(found);
            }
            case ARRAY_RANGE -> range(fn, a);
            case ARRAY_GET_ITEM -> {
                ArrayNode arr = arr(fn, a, 0, 2);
                int index = truncated(fn, a.get(1));
                if (arr.isEmpty() && index >= 0) {
                    yield Json.NODES.nullNode();
                }
                if (index < 0 || index >= arr.size()) {
                    throw invalid(fn);
                }
                yield arr.get(index);
            }
            case ARRAY_LENGTH -> Json.NODES.numberNode(arr(fn, a, 0, 1).size());
            case ARRAY_UNIQUE -> {
                ArrayNode out = Json.array();
                out.addAll(new LinkedHashSet<>(toList(arr(fn, a, 0, 1))));
                yield out;
            }
            case BASE64_ENCODE -> Json.text(Base64.getEncoder().encodeToString(
                    limited(fn, str(fn, a, 0, 1)).getBytes(StandardCharsets.UTF_8)));
            case BASE64_DECODE -> {
                try {
                    yield Json.text(new String(Base64.getDecoder().decode(limited(fn, str(fn, a, 0, 1))),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw invalid(fn);
                }
            }
            case HASH -> hash(fn, a);
            case JSON_MERGE -> merge(fn, a);
            case MATH_RANDOM -> random(fn, a);
            case MATH_ADD -> {
                count(fn, a, 2);
                long sum = (long) integer(fn, a.get(0)) + integer(fn, a.get(1));
                yield sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
            }
            case STRING_SPLIT -> {
                String s = str(fn, a, 0, 2);
                if (!a.get(1).isTextual()) {
                    throw invalid(fn);
                }
                ArrayNode out = Json.array();
                StringTokenizer tokens = new StringTokenizer(s, a.get(1).textValue());
                while (tokens.hasMoreTokens()) {
                    out.add(tokens.nextToken());
                }
                yield out;
            }
            case UUID -> {
                count(fn, a, 0);
                yield Json.text(java.util.UUID.randomUUID().toString());
            }
        };
    }

    private static JsonNode format(List<JsonNode> a) {
        IntrinsicFunction fn = IntrinsicFunction.FORMAT;
        if (a.isEmpty() || !a.get(0).isTextual()) {
            throw invalid(fn);
        }
        String template = a.get(0).textValue();
        StringBuilder sb = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()
                    && (template.charAt(i + 1) == '{' || template.charAt(i + 1) == '}')) {
                sb.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= a.size()) {
                    throw invalid(fn);
                }
                formatted(a.get(next++), sb);
                i++;
            } else {
                sb.append(c);
            }
        }
        if (next != a.size()) {
            throw invalid(fn);
        }
        return Json.text(sb.toString());
    }

    /**
     * One {@code States.Format} argument as AWS renders it: a string as is, an object or array the way Java's
     * {@code Map.toString}/{@code List.toString} print them ({@code {Arg1=1, Arg2=[]}}, {@code [1, a]}: no quotes
     * around strings), anything else as its JSON text.
     */
    private static void formatted(JsonNode v, StringBuilder sb) {
        if (v.isTextual()) {
            sb.append(v.textValue());
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                formatted(v.get(i), sb);
            }
            sb.append(']');
        } else if (v.isObject()) {
            sb.append('{');
            boolean first = true;
            for (var e : v.properties()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=');
                formatted(e.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else {
            sb.append(Json.write(v));
        }
    }

    private static JsonNode range(IntrinsicFunction fn, List<JsonNode> a) {
        count(fn, a, 3);
        long start = truncated(fn, a.get(0));
        long end = truncated(fn, a.get(1));
        long step = truncated(fn, a.get(2));
        if (step == 0) {
            throw invalid(fn);
        }
        long items = (end - start) / step + 1;
        if (items > MAX_RANGE_ITEMS) {
            throw invalid(fn);
        }
        ArrayNode out = Json.array();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            out.add((int) v);
        }
        return out;
    }

    private static JsonNode hash(IntrinsicFunction fn, List<JsonNode> a) {
        count(fn, a, 2);
        if (!a.get(1).isTextual() || !HASHES.containsKey(a.get(1).textValue()) || a.get(0).isNull()) {
            throw invalid(fn);
        }
        String data = a.get(0).isTextual() ? a.get(0).textValue() : Json.write(a.get(0));
        limited(fn, data);
        try {
            MessageDigest md = MessageDigest.getInstance(HASHES.get(a.get(1).textValue()));
            return Json.text(HexFormat.of().formatHex(md.digest(data.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw invalid(fn);
        }
    }

    private static JsonNode merge(IntrinsicFunction fn, List<JsonNode> a) {
        count(fn, a, 3);
        if (!a.get(0).isObject() || !a.get(1).isObject() || !a.get(2).isBoolean() || a.get(2).booleanValue()) {
            throw invalid(fn);
        }
        ObjectNode out = Json.shallowCopy((ObjectNode) a.get(0));
        out.setAll((ObjectNode) a.get(1));
        return out;
    }

    private static JsonNode random(IntrinsicFunction fn, List<JsonNode> a) {
        if (a.size() != 2 && a.size() != 3) {
            throw invalid(fn);
        }
        int start = truncated(fn, a.get(0));
        int end = truncated(fn, a.get(1));
        if (start >= end) {
            throw invalid(fn);
        }
        Random rnd = a.size() == 3 ? new Random(truncated(fn, a.get(2))) : ThreadLocalRandom.current();
        return Json.NODES.numberNode((int) (start + (long) (rnd.nextDouble() * ((long) end - start))));
    }

    private static void count(IntrinsicFunction fn, List<JsonNode> a, int n) {
        if (a.size() != n) {
            throw invalid(fn);
        }
    }

    private static String str(IntrinsicFunction fn, List<JsonNode> a, int i, int n) {
        count(fn, a, n);
        if (!a.get(i).isTextual()) {
            throw invalid(fn);
        }
        return a.get(i).textValue();
    }

    private static ArrayNode arr(IntrinsicFunction fn, List<JsonNode> a, int i, int n) {
        count(fn, a, n);
        if (!a.get(i).isArray()) {
            throw invalid(fn);
        }
        return (ArrayNode) a.get(i);
    }

    private static String limited(IntrinsicFunction fn, String s) {
        if (s.length() > MAX_STRING) {
            throw invalid(fn);
        }
        return s;
    }

    /**
     * Equality as AWS's States.ArrayContains applies it: objects are equal only with the same members in the same
     * order (observed on AWS: {@code {"a":1,"b":2}} does not match {@code {"b":2,"a":1}}).
     */
    static boolean sameJson(JsonNode x, JsonNode y) {
        if (x.isObject() && y.isObject()) {
            if (x.size() != y.size()) {
                return false;
            }
            var xs = x.properties().iterator();
            var ys = y.properties().iterator();
            while (xs.hasNext()) {
                var xe = xs.next();
                var ye = ys.next();
                if (!xe.getKey().equals(ye.getKey()) || !sameJson(xe.getValue(), ye.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (x.isArray() && y.isArray()) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJson(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return x.equals(y);
    }

    /**
     * A number with its fraction dropped (towards zero), as AWS treats the integer arguments of ArrayRange,
     * ArrayGetItem, ArrayPartition and MathRandom: ArrayRange(1.6, 1.4, 1) gives [1] and MathRandom(1.4, 1.6) is
     * invalid on AWS, which rounding would not give. Must fit an int.
     */
    static int truncated(IntrinsicFunction fn, JsonNode n) {
        if (!n.isNumber()) {
            throw invalid(fn);
        }
        BigInteger v = n.isIntegralNumber() ? n.bigIntegerValue()
                : n.decimalValue().setScale(0, RoundingMode.DOWN).toBigInteger();
        if (v.bitLength() >= 32) {
            throw invalid(fn);
        }
        return v.intValue();
    }

    /**
     * A number rounded to the nearest integer, ties towards positive infinity, as AWS's States.MathAdd does with
     * each argument (AWS-recorded: 1.49 + 1.5 = 3, 1.5 + 1.51 = 4, -1.49 + -1.5 = -2, -1.5 + -1.51 = -3). Must fit
     * an int.
     */
    static int integer(IntrinsicFunction fn, JsonNode n) {
        if (!n.isNumber()) {
            throw invalid(fn);
        }
        BigInteger v;
        if (n.isIntegralNumber()) {
            v = n.bigIntegerValue();
        } else {
            v = n.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR).toBigInteger();
        }
        if (v.bitLength() >= 32) {
            throw invalid(fn);
        }
        return v.intValue();
    }

    private static List<JsonNode> toList(ArrayNode arr) {
        List<JsonNode> list = new ArrayList<>(arr.size());
        arr.forEach(list::add);
        return list;
    }

    private static IntrinsicFailureException invalid(IntrinsicFunction fn) {
        return new IntrinsicFailureException("Invalid arguments in " + fn.aslName());
    }
}
