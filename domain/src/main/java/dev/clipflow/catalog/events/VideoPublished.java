package dev.clipflow.catalog.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The video moved PROCESSING -> PUBLISHED ({@code Video Published}).
 *
 * @param playback its playback URLs: {@code hlsUrl}, {@code posterUrl}, {@code spriteUrl}, {@code thumbnailsVttUrl}
 */
public record VideoPublished(Subject subject, Map<String, String> playback) implements VideoEvent {
    public VideoPublished {
        playback = Map.copyOf(Objects.requireNonNull(playback, "playback"));
    }

    @Override
    public String detailType() {
        return "Video Published";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "PUBLISHED");
        out.put("playback", new java.util.TreeMap<>(playback));
        return out;
    }
}
