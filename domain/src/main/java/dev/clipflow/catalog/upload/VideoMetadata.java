package dev.clipflow.catalog.upload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a creator says about a video, validated: a title of 1 to {@value #MAX_TITLE} characters, a
 * description of at most {@value #MAX_DESCRIPTION}, at most {@value #MAX_TAGS} tags of 1 to
 * {@value #MAX_TAG} characters each (trimmed, duplicates dropped case-insensitively). Lengths count
 * Unicode code points; control characters are refused (line breaks are allowed in the description).
 */
public record VideoMetadata(String title, String description, List<String> tags) {
    public static final int MAX_TITLE = 100;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_TAGS = 30;
    public static final int MAX_TAG = 50;
    public static final int MAX_CHANNEL_NAME = 100;

    /** Validates and normalises; throws {@link VideoMetadataInvalidException} naming the field. */
    public VideoMetadata {
        title = requireText("title", title, MAX_TITLE, false);
        description = description == null ? "" : description.strip();
        checkText("description", description, MAX_DESCRIPTION, true);
        tags = normaliseTags(tags);
    }

    /** A channel name: 1 to {@value #MAX_CHANNEL_NAME} characters, no control characters. */
    public static String channelName(String name) {
        return requireText("name", name, MAX_CHANNEL_NAME, false);
    }

    private static List<String> normaliseTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new VideoMetadataInvalidException("tags", "A video can have at most " + MAX_TAGS + " tags.");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = requireText("tags", tag, MAX_TAG, false);
            if (seen.add(t.toLowerCase(Locale.ROOT))) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static String requireText(String field, String value, int max, boolean multiline) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new VideoMetadataInvalidException(field, "The " + singular(field) + " must not be empty.");
        }
        checkText(field, v, max, multiline);
        return v;
    }

    private static void checkText(String field, String v, int max, boolean multiline) {
        if (v.codePointCount(0, v.length()) > max) {
            throw new VideoMetadataInvalidException(field,
                    "The " + singular(field) + " must be at most " + max + " characters long.");
        }
        boolean control = v.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t')));
        if (control) {
            throw new VideoMetadataInvalidException(field,
                    "The " + singular(field) + " must not contain control characters.");
        }
    }

    private static String singular(String field) {
        return field.equals("tags") ? "tag" : field;
    }
}
