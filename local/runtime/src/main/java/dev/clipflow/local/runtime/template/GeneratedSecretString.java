package dev.clipflow.local.runtime.template;

import static dev.clipflow.local.runtime.template.TemplateMaps.integer;
import static dev.clipflow.local.runtime.template.TemplateMaps.text;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A secret's {@code GenerateSecretString}, with Secrets Manager's {@code GetRandomPassword} rules: a password of
 * {@code PasswordLength} (default 32) characters from the upper- and lower-case letters, digits and punctuation
 * ({@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}) that are not excluded, a space when {@code IncludeSpace}, at least one
 * of every included type unless {@code RequireEachIncludedType} is false; with {@code SecretStringTemplate} and
 * {@code GenerateStringKey}, the template's JSON object with the password added under that key.
 */
public record GeneratedSecretString(int length, String excludeCharacters, boolean excludeLowercase,
                                    boolean excludeUppercase, boolean excludeNumbers, boolean excludePunctuation,
                                    boolean includeSpace, boolean requireEachIncludedType, String secretStringTemplate,
                                    String generateStringKey) {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** Secrets Manager's default {@code PasswordLength}. */
    static final int DEFAULT_LENGTH = 32;

    public GeneratedSecretString {
        excludeCharacters = excludeCharacters == null ? "" : excludeCharacters;
        if (length < 1 || length > 4096) {
            throw new TemplateInvalidException("GenerateSecretString PasswordLength must be 1 to 4096, not " + length);
        }
        if ((secretStringTemplate == null) != (generateStringKey == null)) {
            throw new TemplateInvalidException(
                    "GenerateSecretString needs both SecretStringTemplate and GenerateStringKey, or neither");
        }
        List<String> types = types(excludeCharacters, excludeLowercase, excludeUppercase, excludeNumbers,
                excludePunctuation, includeSpace);
        if (types.isEmpty()) {
            throw new TemplateInvalidException("GenerateSecretString excludes every character");
        }
        if (requireEachIncludedType && types.size() > length) {
            throw new TemplateInvalidException("GenerateSecretString PasswordLength " + length
                    + " is too short for one character of each included type");
        }
    }

    /** Reads the (resolved) {@code GenerateSecretString} properties. */
    static GeneratedSecretString read(String id, Map<?, ?> p) {
        try {
            return new GeneratedSecretString(integer(p.get("PasswordLength"), DEFAULT_LENGTH),
                    text(p.get("ExcludeCharacters")), flag(p.get("ExcludeLowercase"), false),
                    flag(p.get("ExcludeUppercase"), false), flag(p.get("ExcludeNumbers"), false),
                    flag(p.get("ExcludePunctuation"), false), flag(p.get("IncludeSpace"), false),
                    flag(p.get("RequireEachIncludedType"), true), text(p.get("SecretStringTemplate")),
                    text(p.get("GenerateStringKey")));
        } catch (TemplateInvalidException | NumberFormatException e) {
            throw new TemplateInvalidException("Secret " + id + ": " + e.getMessage());
        }
    }

    /** A new value. */
    public String generate(SecureRandom random) {
        List<String> types = types(excludeCharacters, excludeLowercase, excludeUppercase, excludeNumbers,
                excludePunctuation, includeSpace);
        String all = String.join("", types);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = all.charAt(random.nextInt(all.length()));
        }
        if (requireEachIncludedType) {
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                free.add(i);
            }
            for (String type : types) {
                int at = free.remove(random.nextInt(free.size()));
                out[at] = type.charAt(random.nextInt(type.length()));
            }
        }
        String password = new String(out);
        if (secretStringTemplate == null) {
            return password;
        }
        String object = secretStringTemplate.strip();
        if (!object.startsWith("{") || !object.endsWith("}")) {
            throw new TemplateInvalidException("SecretStringTemplate must be a JSON object: " + secretStringTemplate);
        }
        String body = object.substring(1, object.length() - 1).strip();
        return "{" + body + (body.isEmpty() ? "" : ",") + quote(generateStringKey) + ":" + quote(password) + "}";
    }

    /** The included character types, each without the excluded characters; empty ones left out. */
    private static List<String> types(String exclude, boolean noLower, boolean noUpper, boolean noDigits,
                                      boolean noPunctuation, boolean space) {
        List<String> types = new ArrayList<>();
        add(types, exclude, noLower ? "" : LOWER);
        add(types, exclude, noUpper ? "" : UPPER);
        add(types, exclude, noDigits ? "" : DIGITS);
        add(types, exclude, noPunctuation ? "" : PUNCTUATION);
        add(types, exclude, space ? " " : "");
        return types;
    }

    private static void add(List<String> types, String exclude, String chars) {
        StringBuilder kept = new StringBuilder();
        chars.chars().filter(c -> exclude.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        if (!kept.isEmpty()) {
            types.add(kept.toString());
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean flag(Object o, boolean fallback) {
        return o == null ? fallback : Boolean.parseBoolean(String.valueOf(o));
    }
}
