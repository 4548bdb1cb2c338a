package dev.clipflow.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedFanoutTest {
    private final SocialFixtures f = new SocialFixtures();
    private final SubscriberFanout fanout = f.fanout(new FanoutPolicy(30, 1000, 100));

    @Test
    void fanOut_noSubscribers_writesOnlyTheTimeline() {
        FanoutResult result = fanout.fanOut(SocialFixtures.published("vid-1", "chan-1", 0));

        assertThat(result.mode()).isEqualTo(FanoutMode.NONE);
        assertThat(f.feeds.entries()).isZero();
        assertThat(f.feeds.timelines.get("chan-1")).containsKey("vid-1");
    }

    @Test
    void fanOut_26Subscribers_inlineInTwoBatchCalls() {
        f.subscriptions.addSubscribers("chan-1", 26);

        FanoutResult result = fanout.fanOut(SocialFixtures.published("vid-1", "chan-1", 0));

        assertThat(result.mode()).isEqualTo(FanoutMode.INLINE);
        assertThat(result.entriesWritten()).isEqualTo(26);
        assertThat(f.feeds.entries()).isEqualTo(26);
        assertThat(f.feeds.batchCalls).isEqualTo(2);
        assertThat(f.queued).isEmpty();
    }

    @Test
    void fanOut_largeChannel_queuesBatchesCoveringEverySubscriberOnce() {
        f.subscriptions.addSubscribers("chan-1", 250);

        FanoutResult result = fanout.fanOut(SocialFixtures.published("vid-1", "chan-1", 0));

        assertThat(result.mode()).isEqualTo(FanoutMode.QUEUED);
        assertThat(result.batchesQueued()).isEqualTo(3);
        assertThat(f.queued).extracting(b -> b.viewerIds().size()).containsExactly(100, 100, 50);
        assertThat(f.queued.stream().flatMap(b -> b.viewerIds().stream()).distinct().count()).isEqualTo(250);
        assertThat(f.feeds.entries()).isZero();

        f.queued.forEach(fanout::deliver);
        assertThat(f.feeds.entries()).isEqualTo(250);
    }

    @Test
    void fanOut_celebrity_pushesNothingAndFlagsTheChannel() {
        f.subscriptions.addSubscribers("chan-1", 1000);

        FanoutResult result = fanout.fanOut(SocialFixtures.published("vid-1", "chan-1", 0));

        assertThat(result.mode()).isEqualTo(FanoutMode.CELEBRITY);
        assertThat(f.feeds.entries()).isZero();
        assertThat(f.queued).isEmpty();
        assertThat(f.subscriptions.celebrities).containsExactly("chan-1");
        assertThat(f.feeds.timelines.get("chan-1")).containsKey("vid-1");
    }

    @Test
    void fanOut_repeated_createsNothingTwice() {
        f.subscriptions.addSubscribers("chan-1", 5);
        PublishedVideo video = SocialFixtures.published("vid-1", "chan-1", 0);

        fanout.fanOut(video);
        fanout.fanOut(video);

        assertThat(f.feeds.entries()).isEqualTo(5);
        assertThat(f.feeds.timelines.get("chan-1")).hasSize(1);
    }
}
