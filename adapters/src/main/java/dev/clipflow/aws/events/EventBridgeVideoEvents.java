package dev.clipflow.aws.events;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.catalog.events.StageProgress;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes video events on the stack's bus with {@code PutEvents} (one entry: source {@value VideoEvent#SOURCE},
 * the event's detail-type, its detail as JSON). A refused event is logged with its
 * video id and type and dropped: the change it announces is already stored (docs/adr/0013).
 */
public final class EventBridgeVideoEvents implements VideoEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeVideoEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventBridgeClient events;
    private final String busName;

    /** @param busName the bus's name or ARN (the template's {@code EVENT_BUS_NAME}) */
    public EventBridgeVideoEvents(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events, "events");
        this.busName = Objects.requireNonNull(busName, "busName");
    }

    /**
     * The events of a function: on the bus the template names ({@code EVENT_BUS_NAME}), or {@link VideoEvents#NONE}
     * when none is configured (a function run outside the stack, such as a test of another concern).
     */
    public static VideoEvents forBus(AwsClients aws, String busName) {
        return busName == null || busName.isBlank() ? VideoEvents.NONE
                : new EventBridgeVideoEvents(aws.eventBridge(), busName);
    }

    /**
     * A stage function's progress reporting: on the videos table and the bus the template names ({@code
     * VIDEOS_TABLE}, {@code EVENT_BUS_NAME}); {@link StageProgress#NONE} without a videos table.
     */
    public static StageProgress stageProgress(AwsClients aws, String videosTable, String busName) {
        return videosTable == null || videosTable.isBlank() ? StageProgress.NONE
                : new StageProgress(new DynamoVideoRepository(aws.dynamoDb(), videosTable), forBus(aws, busName),
                        Clock.systemUTC());
    }

    @Override
    public void publish(VideoEvent event) {
        String detail = JSON.writeValueAsString(event.detail());
        try {
            PutEventsResponse response = events.putEvents(r -> r.entries(e -> e.eventBusName(busName)
                    .source(VideoEvent.SOURCE).detailType(event.detailType()).detail(detail)));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                PutEventsResultEntry failed = response.entries().get(0);
                LOG.error("The event bus refused the {} event of video {}: {} {}", event.detailType(),
                        event.subject().videoId(), failed.errorCode(), failed.errorMessage());
            }
        } catch (SdkException e) {
            LOG.error("Could not publish the {} event of video {}: {}", event.detailType(),
                    event.subject().videoId(), e.toString());
        }
    }
}
