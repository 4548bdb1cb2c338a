package dev.clipflow.catalog.edit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a creator asks to change of a video, as sent ({@link VideoEditing#edit} validates it as at upload). A null
 * component is left unchanged; a field sent as JSON null is the empty value ({@code ""}, no tags).
 */
public record VideoChanges(String title, String description, List<String> tags) {

    /** The editable fields, by their name in the API and on the record. */
    public enum Field {
        TITLE("title"), DESCRIPTION("description"), TAGS("tags");

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
        return out;
    }
}
