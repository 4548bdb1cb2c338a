package dev.clipflow.local.asl.intrinsic;

import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.path.PathSyntaxException;
import dev.clipflow.local.asl.path.QueryPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code States.Name(arg, ...)} expressions (ASL spec, "Intrinsic Functions"). */
public final class IntrinsicParser {

    private final String src;
    private int pos;

    private IntrinsicParser(String src) {
        this.src = src;
    }

    /** True when a {@code .$} value should be read as an intrinsic call rather than a path. */
    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /**
     * Parses one call.
     *
     * @throws IntrinsicSyntaxException when the text is not a valid call
     */
    public static IntrinsicArg.Call parse(String text) {
        IntrinsicParser p = new IntrinsicParser(text);
        IntrinsicArg.Call call = p.call();
        p.skipSpace();
        if (p.pos != p.src.length()) {
            throw new IntrinsicSyntaxException("Unexpected text after the closing parenthesis: '" + text + "'");
        }
        return call;
    }

    private IntrinsicArg.Call call() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        String name = src.substring(start, pos);
        IntrinsicFunction fn = IntrinsicFunction.byName(name);
        if (fn == null) {
            throw new IntrinsicSyntaxException("Unknown intrinsic function '" + name + "'");
        }
        skipSpace();
        expect('(');
        List<IntrinsicArg> args = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new IntrinsicArg.Call(fn, args);
        }
        while (true) {
            skipSpace();
            args.add(arg());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ')') {
                return new IntrinsicArg.Call(fn, args);
            }
            if (c != ',') {
                throw new IntrinsicSyntaxException("Expected ',' or ')' in '" + src + "'");
            }
        }
    }

    private IntrinsicArg arg() {
        char c = peek();
        if (c == '\'') {
            return new IntrinsicArg.Literal(Json.text(string()));
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (src.startsWith("true", pos)) {
            pos += 4;
            return new IntrinsicArg.Literal(Json.NODES.booleanNode(true));
        }
        if (src.startsWith("false", pos)) {
            pos += 5;
            return new IntrinsicArg.Literal(Json.NODES.booleanNode(false));
        }
        if (src.startsWith("null", pos)) {
            pos += 4;
            return new IntrinsicArg.Literal(Json.NODES.nullNode());
        }
        if (src.startsWith("States.", pos)) {
            return call();
        }
        throw new IntrinsicSyntaxException("Invalid argument at position " + pos + " in '" + src + "'");
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                char next = src.charAt(pos++);
                if (next == '{' || next == '}') {
                    sb.append('\\'); // kept escaped for States.Format, unescaped on use
                }
                sb.append(next);
            } else if (c == '\'') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new IntrinsicSyntaxException("Unterminated string literal in '" + src + "'");
    }

    private IntrinsicArg path() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                break;
            }
            pos++;
        }
        String text = src.substring(start, pos).trim();
        boolean context = text.startsWith("$$");
        try {
            QueryPath path = QueryPath.parse(context ? text.substring(1) : text);
            return new IntrinsicArg.PathArg(text, path, context);
        } catch (PathSyntaxException e) {
            throw new IntrinsicSyntaxException(e.getMessage());
        }
    }

    private IntrinsicArg number() {
        int start = pos;
        pos++;
        while (pos < src.length() && "0123456789.eE+-".indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
        String text = src.substring(start, pos);
        try {
            if (text.contains(".") || text.contains("e") || text.contains("E")) {
                return new IntrinsicArg.Literal(Json.NODES.numberNode(new BigDecimal(text)));
            }
            BigInteger big = new BigInteger(text);
            return new IntrinsicArg.Literal(big.bitLength() < 32 ? Json.NODES.numberNode(big.intValue())
                    : big.bitLength() < 64 ? Json.NODES.numberNode(big.longValue()) : Json.NODES.numberNode(big));
        } catch (NumberFormatException e) {
            throw new IntrinsicSyntaxException("Invalid number '" + text + "' in '" + src + "'");
        }
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= src.length()) {
            throw new IntrinsicSyntaxException("Unexpected end of '" + src + "'");
        }
        return src.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IntrinsicSyntaxException("Expected '" + c + "' in '" + src + "'");
        }
        pos++;
    }
}
