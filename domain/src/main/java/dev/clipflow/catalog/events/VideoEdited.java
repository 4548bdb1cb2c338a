package dev.clipflow.catalog.events;

import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The creator edited the video's title, description or tags ({@code Video Edited}): its whole text at
 * {@code revision} (the record's edit counter, 1 for the first edit), so that a consumer can apply the latest
 * revision it sees and ignore older or repeated ones.
 *
 * @param status     the video's status when edited; discovery re-indexes PUBLISHED videos only
 * @param visibility the video's visibility when edited; discovery indexes PUBLIC videos only
 */
public record VideoEdited(Subject subject, VideoStatus status, Visibility visibility, long revision, String title,
                          String description, List<String> tags) implements VideoEvent {
    public VideoEdited {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }

    @Override
    public String detailType() {
        return "Video Edited";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.name());
        out.put("visibility", visibility.name());
        out.put("revision", revision);
        out.put("title", title);
        out.put("description", description);
        out.put("tags", tags);
        return out;
    }
}
