package dev.clipflow.catalog.edit;

import dev.clipflow.catalog.Visibility;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a creator asks to change of a video, as sent ({@link VideoEditing#edit} validates it as at upload). A null
 * component is left unchanged; a text field sent as JSON null is the empty value ({@code ""}, no tags).
 *
 * @param visibility the new visibility (already parsed, {@link Visibility#parse}); it can be changed only while the
 *                   video awaits its upload ({@link VideoVisibilityFixedException})
 */
public record VideoChanges(String title, String description, List<String> tags, Visibility visibility) {

    /** The editable fields, by their name in the API and on the record. */
    public enum Field {
        TITLE("title"), DESCRIPTION("description"), TAGS("tags"), VISIBILITY("visibility");

        private final String attribute;

        Field(String attribute) {
            this.attribute = attribute;
        }

        /** The field's name in requests, answers and the video record. */
        public String attribute() {
            return attribute;
        }
    }

    public VideoChanges {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** A change of text only (the visibility left as it is). */
    public VideoChanges(String title, String description, List<String> tags) {
        this(title, description, tags, null);
    }

    /** The fields this change sets. */
    public Set<Field> fields() {
        Set<Field> out = EnumSet.noneOf(Field.class);
        if (title != null) {
            out.add(Field.TITLE);
        }
        if (description != null) {
            out.add(Field.DESCRIPTION);
        }
        if (tags != null) {
            out.add(Field.TAGS);
        }
        if (visibility != null) {
            out.add(Field.VISIBILITY);
        }
        return out;
    }
}
