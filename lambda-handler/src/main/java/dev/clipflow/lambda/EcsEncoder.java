package dev.clipflow.lambda;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One log event as one JSON line in the Elastic Common Schema, the shape Spring Boot's structured logging writes
 * for {@code logging.structured.format.console=ecs} (docs/adr/0007): {@code @timestamp}, {@code log.level},
 * {@code log.logger}, {@code process.thread.name}, {@code message}, the MDC entries and the event's key-value
 * pairs as fields of their own (the request id, {@code videoId}, ...), {@code error.type}, {@code error.message} and
 * {@code error.stack_trace} for an exception, the markers as {@code tags}, and {@code ecs.version}.
 */
final class EcsEncoder extends EncoderBase<ILoggingEvent> {
    /** The ECS version the lines declare (Spring Boot's). */
    static final String ECS_VERSION = "8.11";

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), line, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("@timestamp", event.getInstant().toString());
            json.writeName("log").writeStartObject()
                    .writeStringProperty("level", event.getLevel().toString())
                    .writeStringProperty("logger", event.getLoggerName())
                    .writeEndObject();
            json.writeName("process").writeStartObject()
                    .writeName("thread").writeStartObject()
                    .writeStringProperty("name", event.getThreadName())
                    .writeEndObject()
                    .writeEndObject();
            json.writeStringProperty("message", event.getFormattedMessage());
            event.getMDCPropertyMap().forEach(json::writeStringProperty);
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                pairs.forEach(pair -> json.writeStringProperty(pair.key, String.valueOf(pair.value)));
            }
            writeError(json, event.getThrowableProxy());
            writeTags(json, event.getMarkerList());
            json.writeName("ecs").writeStartObject().writeStringProperty("version", ECS_VERSION).writeEndObject();
            json.writeEndObject();
        }
        line.write('\n');
        return line.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static void writeError(JsonGenerator json, IThrowableProxy error) {
        if (error == null) {
            return;
        }
        json.writeName("error").writeStartObject().writeStringProperty("type", error.getClassName());
        if (error.getMessage() != null) {
            json.writeStringProperty("message", error.getMessage());
        }
        json.writeStringProperty("stack_trace", ThrowableProxyUtil.asString(error)).writeEndObject();
    }

    private static void writeTags(JsonGenerator json, List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return;
        }
        json.writeName("tags").writeStartArray();
        markers.forEach(marker -> json.writeString(marker.getName()));
        json.writeEndArray();
    }
}
