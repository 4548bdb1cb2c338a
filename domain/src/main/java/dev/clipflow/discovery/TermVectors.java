package dev.clipflow.discovery;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a video's tags, title and description into weighted terms. Tags become {@code tag:<tag>}
 * (weight {@value #TAG_WEIGHT}); words of the title and description become {@code w:<word>}
 * (weight {@value #TITLE_WEIGHT} per title occurrence, {@value #DESCRIPTION_WEIGHT} per description
 * occurrence, dampened as {@code 1 + ln(sum)}). Words are lower-cased, accents stripped, stop words
 * and one-letter words dropped. At most {@value #MAX_TERMS} terms are kept, the heaviest.
 */
public final class TermVectors {
    public static final int MAX_TERMS = 40;
    public static final double TAG_WEIGHT = 3.0;
    public static final double TITLE_WEIGHT = 2.0;
    public static final double DESCRIPTION_WEIGHT = 1.0;
    private static final int MAX_TERM_LENGTH = 48;
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "with", "this", "that", "from", "you", "your", "are", "was", "our", "its", "into",
            "how", "what", "when", "why", "who", "not", "but", "all", "can", "has", "have", "out", "new", "video",
            "der", "die", "das", "und", "les", "des", "une", "est", "los", "las", "del", "que");

    private TermVectors() {
    }

    public static Map<String, Double> of(String title, String description, List<String> tags) {
        Map<String, Double> raw = new HashMap<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String t = normalize(tag).strip().replaceAll("\\s+", "-");
            if (!t.isEmpty() && t.length() <= MAX_TERM_LENGTH) {
                raw.put("tag:" + t, TAG_WEIGHT);
            }
        }
        words(title, TITLE_WEIGHT, raw);
        words(description, DESCRIPTION_WEIGHT, raw);
        Map<String, Double> out = new LinkedHashMap<>();
        raw.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), dampened(e.getKey(), e.getValue())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERMS)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static double dampened(String term, double sum) {
        return term.startsWith("tag:") ? sum : 1 + Math.log(sum);
    }

    private static void words(String text, double weight, Map<String, Double> into) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String word : normalize(text).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2 || word.length() > MAX_TERM_LENGTH || STOP_WORDS.contains(word)) {
                continue;
            }
            into.merge("w:" + word, weight, Double::sum);
        }
    }

    private static String normalize(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT);
    }
}
