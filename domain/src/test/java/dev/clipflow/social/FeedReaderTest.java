package dev.clipflow.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.paging.CursorExpiredException;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import dev.clipflow.paging.SignedCursors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private final SocialFixtures f = new SocialFixtures();
    private final FanoutPolicy policy = new FanoutPolicy(10, 50, 100);
    private final SubscriberFanout fanout = f.fanout(policy);
    private final FeedReader reader = f.reader(policy);

    @BeforeEach
    void aliceFollowsASmallAndACelebrityChannel() {
        f.subscriptions.subscribe(new Subscription("alice", "chan-small", Instant.EPOCH));
        f.subscriptions.subscribe(new Subscription("alice", "chan-star", Instant.EPOCH));
        f.subscriptions.addSubscribers("chan-star", 60);
    }

    @Test
    void read_mergesPushedAndPulledNewestFirstAcrossPages() {
        for (int i = 0; i < 5; i++) {
            fanout.fanOut(SocialFixtures.published("small-" + i, "chan-small", 10 * i));
            fanout.fanOut(SocialFixtures.published("star-" + i, "chan-star", 10 * i + 5));
        }
        assertThat(f.feeds.feeds.get("alice")).hasSize(5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            FeedPage page = reader.read("alice", cursor, 3);
            page.items().forEach(i -> seen.add(i.videoId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("small-0", "star-0", "small-1", "star-1", "small-2", "star-2",
                "small-3", "star-3", "small-4", "star-4");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void read_videoBothPushedAndPulled_appearsOnce() {
        fanout.fanOut(SocialFixtures.published("star-0", "chan-star", 1));
        f.feeds.putBatch(List.of(new FeedEntry("alice", new FeedItem("star-0", "chan-star",
                SocialFixtures.NOW.minus(Duration.ofMinutes(1))))));

        assertThat(reader.read("alice", null, 10).items()).extracting(FeedItem::videoId).containsExactly("star-0");
    }

    @Test
    void read_videoNoLongerListed_isLeftOutOfPushedAndPulledEntries_atOnce() {
        for (int i = 0; i < 3; i++) {
            fanout.fanOut(SocialFixtures.published("small-" + i, "chan-small", 10 * i));
            fanout.fanOut(SocialFixtures.published("star-" + i, "chan-star", 10 * i + 5));
        }
        assertThat(reader.read("alice", null, 10).items()).hasSize(6);

        f.unlisted.add("small-1");
        f.unlisted.add("star-0");

        assertThat(reader.read("alice", null, 10).items()).extracting(FeedItem::videoId)
                .containsExactly("small-0", "star-1", "small-2", "star-2");
    }

    @Test
    void read_afterUnsubscribe_hidesThatChannel() {
        fanout.fanOut(SocialFixtures.published("small-0", "chan-small", 1));
        fanout.fanOut(SocialFixtures.published("star-0", "chan-star", 2));

        f.subscriptions.unsubscribe("alice", "chan-small");
        f.subscriptions.unsubscribe("alice", "chan-star");

        assertThat(reader.read("alice", null, 10).items()).isEmpty();
    }

    @Test
    void read_manyEntriesOfLeftChannel_stillFillsPagesInOrder() {
        f.subscriptions.subscribe(new Subscription("alice", "chan-left", Instant.EPOCH));
        for (int i = 0; i < 40; i++) {
            fanout.fanOut(SocialFixtures.published("left-" + i, "chan-left", i));
        }
        fanout.fanOut(SocialFixtures.published("small-old", "chan-small", 100));
        f.subscriptions.unsubscribe("alice", "chan-left");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            FeedPage page = reader.read("alice", cursor, 2);
            page.items().forEach(i -> seen.add(i.videoId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("small-old");
    }

    @Test
    void read_badCursorsAndSizes_throwNamedExceptions() {
        for (int i = 0; i < 3; i++) {
            fanout.fanOut(SocialFixtures.published("small-" + i, "chan-small", i));
        }
        String cursor = reader.read("alice", null, 1).nextCursor();
        assertThat(cursor).isNotNull();

        assertThatThrownBy(() -> reader.read("bob", cursor, 1)).isInstanceOf(CursorInvalidException.class);
        assertThatThrownBy(() -> reader.read("alice", cursor + "x", 1)).isInstanceOf(CursorInvalidException.class);
        assertThatThrownBy(() -> reader.read("alice", null, 0)).isInstanceOf(PageSizeInvalidException.class);
        assertThatThrownBy(() -> reader.read("alice", null, 101)).isInstanceOf(PageSizeInvalidException.class);

        FeedReader later = new FeedReader(f.subscriptions, f.feeds, policy, new SignedCursors(SocialFixtures.KEY,
                Clock.offset(SocialFixtures.CLOCK, Duration.ofHours(2)), Duration.ofMinutes(10)),
                java.util.Set::copyOf);
        assertThatThrownBy(() -> later.read("alice", cursor, 1)).isInstanceOf(CursorExpiredException.class);
    }
}
