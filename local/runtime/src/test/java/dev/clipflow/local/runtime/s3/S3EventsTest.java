package dev.clipflow.local.runtime.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.local.runtime.eventbridge.EventPatterns;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Object-created events in AWS's shapes, matched against the real template's ingest rule. */
class S3EventsTest {

    static final TemplateModel MODEL = TemplateModel.load(RepoRoot.get().resolve("template.yaml"));

    static Map<?, ?> ingestPattern() {
        FunctionDef ingest = MODEL.function("IngestFunction").orElseThrow();
        return (Map<?, ?>) ingest.events("EventBridgeRule").get(0).properties().get("Pattern");
    }

    static JsonNode created(String bucket, String key) {
        return S3Events.eventBridge(new S3Events.CreatedObject(bucket, key, 10, "abc-1", null,
                "CompleteMultipartUpload"), Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void encodeKey_spacesPlusAndNonAscii_encodedAsS3Does() {
        assertThat(S3Events.encodeKey("uploads/c/v/my holiday + vidéo.mp4"))
                .isEqualTo("uploads/c/v/my+holiday+%2B+vid%C3%A9o.mp4");
    }

    @Test
    void eventBridge_objectCreated_shapeIngestReads() {
        JsonNode e = created("clipflow-local-uploadsbucket", "uploads/c/v/a b.mp4");

        assertThat(e.path("source").asText()).isEqualTo("aws.s3");
        assertThat(e.path("detail-type").asText()).isEqualTo("Object Created");
        assertThat(e.path("detail").path("object").path("key").asText()).isEqualTo("uploads/c/v/a+b.mp4");
        assertThat(e.path("detail").path("object").path("size").asLong()).isEqualTo(10);
        assertThat(e.path("detail").path("reason").asText()).isEqualTo("CompleteMultipartUpload");
    }

    @Test
    void matches_templateIngestRule_onlyUploadsUnderThePrefix() {
        String uploads = MODEL.bucket("UploadsBucket").orElseThrow().name();
        String media = MODEL.bucket("MediaBucket").orElseThrow().name();

        assertThat(EventPatterns.matches(ingestPattern(), created(uploads, "uploads/c/v/x.mp4"))).isTrue();
        assertThat(EventPatterns.matches(ingestPattern(), created(uploads, "elsewhere/x.mp4"))).isFalse();
        assertThat(EventPatterns.matches(ingestPattern(), created(media, "uploads/c/v/x.mp4"))).isFalse();
    }

    @Test
    void notification_s3Shape_recordWithEncodedKey() {
        JsonNode n = S3Events.notification(new S3Events.CreatedObject("b", "uploads/a b.mp4", 5, "e", null,
                "PutObject"), Instant.now());

        JsonNode r = n.path("Records").get(0);
        assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(r.path("s3").path("object").path("key").asText()).isEqualTo("uploads/a+b.mp4");
    }
}
