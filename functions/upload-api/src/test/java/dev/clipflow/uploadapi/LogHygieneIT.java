package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.http.HttpEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines carry routes, statuses and ids; never a body, a title or a presigned URL. */
class LogHygieneIT {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
    }

    @Test
    void apply_createAndHostileRequests_logNoBodyAndNoUrl() {
        ApiFixture fx = new ApiFixture();
        UploadApi api = fx.api(Duration.ofMinutes(5));
        String channelId = fx.channel("alice", ChannelLimits.DEFAULT);
        String secretTitle = "Secret-title-4711";
        String body = ApiFixture.json(Map.of("channelId", channelId, "title", secretTitle, "sizeBytes", 100,
                "contentType", "video/mp4", "fileName", "private-name.mp4"));

        var created = api.apply(HttpEvents.request("POST", "/videos", "alice", body));
        api.apply(HttpEvents.request("POST", "/videos", "alice", "{\"title\": \"" + secretTitle + "\""));
        api.apply(HttpEvents.request("GET", "/videos/" + secretTitle.toLowerCase(), "alice", null));

        assertThat(created.getStatusCode()).isEqualTo(201);
        List<String> lines = appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).isNotEmpty().anySatisfy(l -> assertThat(l).contains("POST /videos -> 201"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).containsAnyOf(secretTitle, secretTitle.toLowerCase(),
                "X-Amz-", "private-name", "http://", "https://"));
    }
}
