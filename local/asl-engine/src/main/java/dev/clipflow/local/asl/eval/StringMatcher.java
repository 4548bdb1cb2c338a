package dev.clipflow.local.asl.eval;

/**
 * StringMatches: {@code *} matches any run of characters; {@code \*} is a literal star and {@code \\} a literal
 * backslash (the pattern as it is after JSON decoding).
 */
final class StringMatcher {

    private StringMatcher() {
    }

    static boolean matches(String pattern, String value) {
        return match(pattern, 0, value, 0);
    }

    private static boolean match(String p, int pi, String v, int vi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = vi; k <= v.length(); k++) {
                    if (match(p, pi, v, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
            }
            if (vi >= v.length() || v.charAt(vi) != c) {
                return false;
            }
            pi++;
            vi++;
        }
        return vi == v.length();
    }
}
