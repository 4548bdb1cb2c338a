package dev.clipflow.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ECS lines every function writes, as the structured logs' readers (CloudWatch, the ADR 0007 filters) see them. */
class EcsEncoderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void encode_eventWithMdc_oneJsonObjectWithTheEcsFieldsAndTheMdcEntries() {
        LoggingEvent event = event(Level.WARN, "Deleted the upload of {}", "vid-1");
        event.setMDCPropertyMap(Map.of("awsRequestId", "8f3a2c1e", "videoId", "vid-1"));

        String line = encode(event);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("@timestamp").asString()).isEqualTo(event.getInstant().toString());
        assertThat(json.at("/log/level").asString()).isEqualTo("WARN");
        assertThat(json.at("/log/logger").asString()).isEqualTo("dev.clipflow.ingest.Ingest");
        assertThat(json.at("/process/thread/name").asString()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.get("message").asString()).isEqualTo("Deleted the upload of vid-1");
        assertThat(json.get("awsRequestId").asString()).isEqualTo("8f3a2c1e");
        assertThat(json.get("videoId").asString()).isEqualTo("vid-1");
        assertThat(json.at("/ecs/version").asString()).isEqualTo(EcsEncoder.ECS_VERSION);
        assertThat(json.has("error")).isFalse();
    }

    @Test
    void encode_messageWithQuotesAndLineBreaks_staysOneLineOfValidJson() {
        String message = "a \"quoted\" key\nand a second line\twith a tab \\ and \u0001";

        String line = encode(event(Level.INFO, message));

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(JSON.readTree(line).get("message").asString()).isEqualTo(message);
    }

    @Test
    void encode_eventWithException_errorTypeMessageAndStackTrace() {
        LoggingEvent event = event(Level.ERROR, "Transcode failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new IllegalStateException("ffmpeg exited with 1", new java.io.IOException("broken pipe"))));

        JsonNode json = JSON.readTree(encode(event));

        assertThat(json.at("/error/type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.at("/error/message").asString()).isEqualTo("ffmpeg exited with 1");
        assertThat(json.at("/error/stack_trace").asString())
                .startsWith("java.lang.IllegalStateException: ffmpeg exited with 1")
                .contains("\tat dev.clipflow.lambda.EcsEncoderTest")
                .contains("Caused by: java.io.IOException: broken pipe");
    }

    @Test
    void encode_keyValuePairsAndMarkers_fieldsAndTags() {
        LoggingEvent event = event(Level.INFO, "Published");
        event.addKeyValuePair(new KeyValuePair("renditions", 3));
        event.addMarker(MarkerFactory.getMarker("audit"));

        JsonNode json = JSON.readTree(encode(event));

        assertThat(json.get("renditions").asString()).isEqualTo("3");
        assertThat(json.get("tags").valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of("audit"));
    }

    private LoggingEvent event(Level level, String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), logback.getLogger("dev.clipflow.ingest.Ingest"),
                level, message, null, arguments);
        event.setThreadName(Thread.currentThread().getName());
        return event;
    }

    private String encode(LoggingEvent event) {
        EcsEncoder encoder = new EcsEncoder();
        encoder.setContext(logback);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
