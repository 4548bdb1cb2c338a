package dev.clipflow.ingest;

import dev.clipflow.catalog.upload.ObjectCreated;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the objects an event says were created. Accepts the S3 notification shape
 * ({@code Records[].s3.bucket.name}, {@code .s3.object.key|size|eTag|versionId|sequencer}) and the
 * EventBridge shape ({@code detail.bucket.name}, {@code detail.object.key|size|etag|version-id|sequencer}).
 *
 * <p>Keys arrive URL-encoded with spaces as {@code +}; they are decoded as
 * {@code S3EventNotification.S3ObjectEntity#getUrlDecodedKey()} does ({@code +} -> space,
 * {@code %2B} -> {@code +}, UTF-8 percent escapes).
 */
public final class UploadEvents {

    private UploadEvents() {
    }

    /**
     * The created objects in {@code event}: one for an EventBridge event, one per record for a
     * notification (records that are not "ObjectCreated" are skipped).
     *
     * @throws IngestEventMalformedException when the event has neither shape or misses a field
     */
    public static List<ObjectCreated> parse(Map<String, Object> event) {
        if (event == null || event.isEmpty()) {
            throw new IngestEventMalformedException("The ingest event is empty");
        }
        if (event.get("Records") instanceof List<?> records) {
            return fromNotification(records);
        }
        if (event.get("detail") instanceof Map<?, ?> detail) {
            Object detailType = event.get("detail-type");
            if (detailType != null && !"Object Created".equals(detailType)) {
                throw new IngestEventMalformedException("Unexpected EventBridge detail-type: " + detailType);
            }
            return List.of(fromDetail(detail));
        }
        throw new IngestEventMalformedException(
                "The ingest event is neither an S3 notification (Records) nor an EventBridge event (detail)");
    }

    /** URL-decodes an event's key the way {@code getUrlDecodedKey()} does. */
    public static String decodeKey(String rawKey) {
        try {
            return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IngestEventMalformedException("The object key is not validly URL-encoded", e);
        }
    }

    private static List<ObjectCreated> fromNotification(List<?> records) {
        if (records.isEmpty()) {
            throw new IngestEventMalformedException("The S3 notification has no records");
        }
        List<ObjectCreated> created = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<?, ?> record = map(records.get(i), "Records[" + i + "]");
            Object eventName = record.get("eventName");
            if (eventName instanceof String name && !name.startsWith("ObjectCreated")) {
                continue;
            }
            Map<?, ?> s3 = map(record.get("s3"), "Records[" + i + "].s3");
            String bucket = text(map(s3.get("bucket"), "s3.bucket").get("name"), "s3.bucket.name");
            Map<?, ?> object = map(s3.get("object"), "s3.object");
            String rawKey = text(object.get("key"), "s3.object.key");
            created.add(new ObjectCreated(bucket, decodeKey(rawKey), rawKey, size(object.get("size"), "s3.object.size"),
                    unquote(optional(object.get("eTag"))), optional(object.get("versionId")),
                    optional(object.get("sequencer")), ObjectCreated.Shape.S3_NOTIFICATION));
        }
        return List.copyOf(created);
    }

    private static ObjectCreated fromDetail(Map<?, ?> detail) {
        String bucket = text(map(detail.get("bucket"), "detail.bucket").get("name"), "detail.bucket.name");
        Map<?, ?> object = map(detail.get("object"), "detail.object");
        String rawKey = text(object.get("key"), "detail.object.key");
        return new ObjectCreated(bucket, decodeKey(rawKey), rawKey, size(object.get("size"), "detail.object.size"),
                unquote(optional(object.get("etag"))), optional(object.get("version-id")),
                optional(object.get("sequencer")), ObjectCreated.Shape.EVENTBRIDGE);
    }

    private static Map<?, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IngestEventMalformedException("The ingest event has no object at " + path);
    }

    private static String text(Object value, String path) {
        if (value instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new IngestEventMalformedException("The ingest event has no text at " + path);
    }

    private static String optional(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static long size(Object value, String path) {
        if (value instanceof Number n && n.longValue() >= 0) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,19}")) {
            return Long.parseLong(s);
        }
        throw new IngestEventMalformedException("The ingest event has no object size at " + path);
    }

    private static String unquote(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
