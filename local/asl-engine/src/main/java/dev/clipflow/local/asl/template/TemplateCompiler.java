package dev.clipflow.local.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.intrinsic.IntrinsicArg;
import dev.clipflow.local.asl.intrinsic.IntrinsicParser;
import dev.clipflow.local.asl.intrinsic.IntrinsicSyntaxException;
import dev.clipflow.local.asl.path.PathSyntaxException;
import dev.clipflow.local.asl.path.QueryPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Compiles payload templates, reporting each bad {@code .$} value with its JSON pointer. */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    /**
     * Compiles {@code node}; problems go to {@code problems} as (pointer, message) and the result is then unusable.
     */
    public static PayloadTemplate compile(JsonNode node, String pointer, BiConsumer<String, String> problems) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            List<PayloadTemplate> values = new ArrayList<>();
            boolean dynamic = false;
            boolean ctx = false;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                String childPointer = pointer + "/" + escape(key);
                PayloadTemplate value;
                if (key.endsWith(".$")) {
                    String field = key.substring(0, key.length() - 2);
                    value = dynamicField(key, e.getValue(), childPointer, problems);
                    key = field;
                } else {
                    value = compile(e.getValue(), childPointer, problems);
                }
                dynamic |= !(value instanceof PayloadTemplate.Literal);
                ctx |= value.usesContext();
                keys.add(key);
                values.add(value);
            }
            return dynamic ? new PayloadTemplate.ObjectTemplate(keys, values, ctx) : new PayloadTemplate.Literal(node);
        }
        if (node.isArray()) {
            List<PayloadTemplate> items = new ArrayList<>();
            boolean dynamic = false;
            boolean ctx = false;
            for (int i = 0; i < node.size(); i++) {
                PayloadTemplate item = compile(node.get(i), pointer + "/" + i, problems);
                dynamic |= !(item instanceof PayloadTemplate.Literal);
                ctx |= item.usesContext();
                items.add(item);
            }
            return dynamic ? new PayloadTemplate.ArrayTemplate(items, ctx) : new PayloadTemplate.Literal(node);
        }
        return new PayloadTemplate.Literal(node);
    }

    private static PayloadTemplate dynamicField(String key, JsonNode value, String pointer,
                                                BiConsumer<String, String> problems) {
        String invalid = "The value for the field '" + key
                + "' must be a valid JSONPath or a valid intrinsic function call";
        if (!value.isTextual()) {
            problems.accept(pointer, invalid);
            return new PayloadTemplate.Literal(value);
        }
        String text = value.textValue();
        try {
            if (IntrinsicParser.looksLikeCall(text)) {
                IntrinsicArg.Call call = IntrinsicParser.parse(text);
                return new PayloadTemplate.IntrinsicField(key, text, call, usesContext(call));
            }
            boolean context = text.startsWith("$$");
            return new PayloadTemplate.PathField(key, QueryPath.parse(context ? text.substring(1) : text), context);
        } catch (IntrinsicSyntaxException | PathSyntaxException e) {
            problems.accept(pointer, invalid);
            return new PayloadTemplate.Literal(value);
        }
    }

    private static boolean usesContext(IntrinsicArg.Call call) {
        for (IntrinsicArg a : call.args()) {
            if (a instanceof IntrinsicArg.PathArg p && p.context()
                    || a instanceof IntrinsicArg.Call c && usesContext(c)) {
                return true;
            }
        }
        return false;
    }

    /** JSON pointer escaping of one reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
