package dev.clipflow.catalog.events;

import dev.clipflow.catalog.Visibility;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A PUBLISHED video's visibility changed ({@code Video Visibility Changed}): the visibility change workflow switched
 * the record to {@code visibility} and its media keys to the prefix that serves it (docs/adr/0014). Published once
 * per change, after the switch is stored; a step repeated after a crash may publish it again (at least once).
 *
 * @param previousVisibility the visibility before the change
 */
public record VideoVisibilityChanged(Subject subject, Visibility visibility, Visibility previousVisibility)
        implements VideoEvent {
    public VideoVisibilityChanged {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(previousVisibility, "previousVisibility");
    }

    @Override
    public String detailType() {
        return "Video Visibility Changed";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "PUBLISHED");
        out.put("visibility", visibility.name());
        out.put("previousVisibility", previousVisibility.name());
        return out;
    }
}
