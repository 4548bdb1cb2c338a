package dev.clipflow.aws.dynamodb.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.social.FanoutMode;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FanoutResult;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedPage;
import dev.clipflow.social.FeedReader;
import dev.clipflow.social.PublishedVideo;
import dev.clipflow.social.SubscriberFanout;
import dev.clipflow.social.Subscription;
import dev.clipflow.testing.Emulators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The publish fan-out against Dynoxide and ElasticMQ with the real adapters. */
class FanoutIT {
    private static final FanoutPolicy POLICY = new FanoutPolicy(25, 5000, 500);
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 25})
    void fanOut_smallChannels_writeInlineOneEntryPerSubscriber(int subscribers) {
        SocialStack stack = new SocialStack();
        stack.subscribe("chan-small", "viewer", subscribers);

        FanoutResult result = stack.fanout(POLICY, stack.feeds).fanOut(video("vid-1", "chan-small", 0));

        assertThat(result.mode()).isEqualTo(subscribers == 0 ? FanoutMode.NONE : FanoutMode.INLINE);
        assertThat(result.subscribers()).isEqualTo(subscribers);
        assertThat(stack.entriesOf("vid-1")).isEqualTo(subscribers);
        assertThat(stack.drainQueue(b -> 0)).isZero();
    }

    @Test
    void fanOut_26Subscribers_queuesOneBatchThatTheConsumerDelivers() {
        SocialStack stack = new SocialStack();
        stack.subscribe("chan-26", "viewer", 26);
        SubscriberFanout fanout = stack.fanout(POLICY, stack.feeds);

        FanoutResult result = fanout.fanOut(video("vid-26", "chan-26", 0));

        assertThat(result.mode()).isEqualTo(FanoutMode.QUEUED);
        assertThat(result.batchesQueued()).isEqualTo(1);
        assertThat(stack.entriesOf("vid-26")).isZero();
        assertThat(stack.drainQueue(stack.deliverWith(fanout))).isEqualTo(1);
        assertThat(stack.entriesOf("vid-26")).isEqualTo(26);
    }

    @Test
    void fanOut_3000Subscribers_sixQueuedBatchesDeliveredOnceEachEvenWhenRepeated() {
        SocialStack stack = new SocialStack();
        stack.bulkSubscribe("chan-big", "viewer", 3000);
        SubscriberFanout fanout = stack.fanout(POLICY, stack.feeds);
        PublishedVideo video = video("vid-big", "chan-big", 0);

        FanoutResult first = fanout.fanOut(video);
        FanoutResult again = fanout.fanOut(video);

        assertThat(first.subscribers()).isEqualTo(3000);
        assertThat(first.batchesQueued()).isEqualTo(6);
        assertThat(again.batchesQueued()).isEqualTo(6);
        assertThat(stack.drainQueue(stack.deliverWith(fanout))).isEqualTo(12);
        assertThat(stack.entriesOf("vid-big")).isEqualTo(3000);
        assertThat(stack.feeds.viewerFeed("viewer-02999", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-big");
    }

    @Test
    void fanOut_celebrityChannel_pushesNothingAndFeedsPullItsTimeline() {
        SocialStack stack = new SocialStack();
        FanoutPolicy policy = new FanoutPolicy(25, 100, 50);
        stack.bulkSubscribe("chan-star", "viewer", 150);

        FanoutResult result = stack.fanout(policy, stack.feeds).fanOut(video("vid-star", "chan-star", 0));

        assertThat(result.mode()).isEqualTo(FanoutMode.CELEBRITY);
        assertThat(stack.entriesOf("vid-star")).isZero();
        assertThat(stack.drainQueue(b -> 0)).isZero();
        assertThat(stack.subscriptions.audience("chan-star").celebrity()).isTrue();
        assertThat(stack.reader(policy).read("viewer-00042", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("vid-star");
    }

    @Test
    void read_mergesPushedAndPulledInOrderAcrossPages_thenUnsubscribeHides() {
        SocialStack stack = new SocialStack();
        FanoutPolicy policy = new FanoutPolicy(25, 100, 50);
        stack.bulkSubscribe("chan-star", "fan", 120);
        stack.subscriptions.subscribe(new Subscription("alice", "chan-star", Instant.EPOCH));
        stack.subscriptions.subscribe(new Subscription("alice", "chan-small", Instant.EPOCH));
        SubscriberFanout fanout = stack.fanout(policy, stack.feeds);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fanout.fanOut(video("small-" + i, "chan-small", 10 * i));
            fanout.fanOut(video("star-" + i, "chan-star", 10 * i + 5));
            expected.add("small-" + i);
            expected.add("star-" + i);
        }
        FeedReader reader = stack.reader(policy);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            FeedPage page = reader.read("alice", cursor, 5);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            page.items().forEach(i -> seen.add(i.videoId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);

        stack.subscriptions.unsubscribe("alice", "chan-small");
        assertThat(reader.read("alice", null, 100).items()).extracting(FeedItem::videoId)
                .allMatch(id -> id.startsWith("star-")).hasSize(6);
    }

    @Test
    void fanOut_throttledAndPartialBatches_retriedUntilEveryEntryIsWritten() {
        SocialStack stack = new SocialStack();
        stack.subscribe("chan-t", "viewer", 60);
        FaultInjectingFeedStore faulty = new FaultInjectingFeedStore(stack.feeds, 2, 3);

        FanoutResult result = stack.fanout(new FanoutPolicy(100, 5000, 500), faulty)
                .fanOut(video("vid-t", "chan-t", 0));

        assertThat(result.entriesWritten()).isEqualTo(60);
        assertThat(stack.entriesOf("vid-t")).isEqualTo(60);
        assertThat(faulty.calls.get()).isGreaterThan(3 + 2);
        assertThat(stack.sleeps).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void subscribe_repeatedAndUnsubscribeRepeated_countsExactly() {
        SocialStack stack = new SocialStack();
        Subscription alice = new Subscription("alice", "chan-c", Instant.EPOCH);

        assertThat(stack.subscriptions.subscribe(alice)).isTrue();
        assertThat(stack.subscriptions.subscribe(alice)).isFalse();
        assertThat(stack.subscriptions.subscribe(new Subscription("bob", "chan-c", Instant.EPOCH))).isTrue();
        assertThat(stack.subscriptions.audience("chan-c").subscribers()).isEqualTo(2);
        assertThat(stack.subscriptions.unsubscribe("alice", "chan-c")).isTrue();
        assertThat(stack.subscriptions.unsubscribe("alice", "chan-c")).isFalse();

        assertThat(stack.subscriptions.audience("chan-c").subscribers()).isEqualTo(1);
        assertThat(stack.subscriptions.isSubscribed("bob", "chan-c")).isTrue();
        assertThat(stack.subscriptions.subscriptionsOf("alice", null, 10).items()).isEmpty();
        assertThat(stack.subscriptions.audiences(List.of("chan-c", "chan-none")))
                .hasSize(2).extractingByKey("chan-none").extracting(a -> a.subscribers()).isEqualTo(0L);
    }

    @Test
    void subscriptionsOf_pagesByChannelId() {
        SocialStack stack = new SocialStack();
        for (int i = 0; i < 5; i++) {
            stack.subscriptions.subscribe(new Subscription("carol", "chan-" + i, Instant.EPOCH));
        }

        var first = stack.subscriptions.subscriptionsOf("carol", null, 3);
        var second = stack.subscriptions.subscriptionsOf("carol", first.nextCursor(), 3);

        assertThat(first.items()).extracting(Subscription::channelId).containsExactly("chan-0", "chan-1", "chan-2");
        assertThat(second.items()).extracting(Subscription::channelId).containsExactly("chan-3", "chan-4");
        assertThat(second.nextCursor()).isNull();
    }

    private static PublishedVideo video(String videoId, String channelId, int minutesAgo) {
        return new PublishedVideo(videoId, channelId, T0.minusSeconds(60L * minutesAgo));
    }

    static {
        Emulators.shared();
    }
}
