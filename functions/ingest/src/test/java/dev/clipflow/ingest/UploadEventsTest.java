package dev.clipflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import dev.clipflow.catalog.upload.ObjectCreated;
import dev.clipflow.testing.Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadEventsTest {

    @Test
    void parse_s3NotificationFixture_decodesKeyAndReadsObject() {
        List<ObjectCreated> created = UploadEvents.parse(Events.read("ingest-s3-notification.json"));

        assertThat(created).singleElement().satisfies(o -> {
            assertThat(o.bucket()).isEqualTo("clipflow-uploads-example");
            assertThat(o.key()).isEqualTo("uploads/chan-example/vid-example/my holiday + vidéo.mp4");
            assertThat(o.size()).isEqualTo(1048576);
            assertThat(o.sequencer()).isEqualTo("0055AED6DCD90281E5");
            assertThat(o.shape()).isEqualTo(ObjectCreated.Shape.S3_NOTIFICATION);
        });
    }

    @Test
    void parse_eventBridgeFixture_decodesKeyAndReadsObject() {
        List<ObjectCreated> created = UploadEvents.parse(Events.read("ingest-eventbridge.json"));

        assertThat(created).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("uploads/chan-example/vid-example/my holiday + vidéo.mp4");
            assertThat(o.eTag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e-1");
            assertThat(o.versionId()).isNull();
            assertThat(o.shape()).isEqualTo(ObjectCreated.Shape.EVENTBRIDGE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"my+video.mp4", "a%2Bb+c.mp4", "vid%C3%A9o+%E6%97%A5%E6%9C%AC.mov", "100%25+real.mp4",
        "plain.mp4"})
    void decodeKey_sameAsLambdaEventsGetUrlDecodedKey(String rawKey) {
        var entity = new S3EventNotification.S3ObjectEntity(rawKey, 1L, "e", null, "s");

        assertThat(UploadEvents.decodeKey(rawKey)).isEqualTo(entity.getUrlDecodedKey());
    }

    @Test
    void parse_malformedFixture_throwsNamedException() {
        assertThatThrownBy(() -> UploadEvents.parse(Events.read("ingest-malformed.json")))
                .isInstanceOf(IngestEventMalformedException.class)
                .hasMessageContaining("detail.object.key");
    }

    @Test
    void parse_neitherShape_throwsNamedException() {
        assertThatThrownBy(() -> UploadEvents.parse(Map.of("hello", "world")))
                .isInstanceOf(IngestEventMalformedException.class);
        assertThatThrownBy(() -> UploadEvents.parse(Map.of()))
                .isInstanceOf(IngestEventMalformedException.class);
        assertThatThrownBy(() -> UploadEvents.parse(Map.of("Records", List.of())))
                .isInstanceOf(IngestEventMalformedException.class);
    }

    @Test
    void parse_badEncodingOrNegativeSize_throwsNamedException() {
        Map<String, Object> badKey = Map.of("detail", Map.of("bucket", Map.of("name", "b"),
                "object", Map.of("key", "uploads/%zz", "size", 1)));
        Map<String, Object> badSize = Map.of("detail", Map.of("bucket", Map.of("name", "b"),
                "object", Map.of("key", "uploads/a", "size", -1)));

        assertThatThrownBy(() -> UploadEvents.parse(badKey)).isInstanceOf(IngestEventMalformedException.class);
        assertThatThrownBy(() -> UploadEvents.parse(badSize)).isInstanceOf(IngestEventMalformedException.class);
    }

    @Test
    void parse_notificationWithRemovedRecord_skipsIt() {
        Map<String, Object> removed = Map.of("Records", List.of(Map.of("eventName", "ObjectRemoved:Delete",
                "s3", Map.of())));

        assertThat(UploadEvents.parse(removed)).isEmpty();
    }
}
