package dev.clipflow.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.Page;
import dev.clipflow.paging.CursorInvalidException;
import dev.clipflow.paging.PageSizeInvalidException;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {
    private final SocialFixtures f = new SocialFixtures();
    private final Subscriptions subscriptions =
            new Subscriptions(f.subscriptions, f.channelRepository(), f.cursors, SocialFixtures.CLOCK);

    @Test
    void subscribe_twice_countsOnce() {
        f.channel("chan-1", "owner-1");

        assertThat(subscriptions.subscribe("alice", "chan-1")).isTrue();
        assertThat(subscriptions.subscribe("alice", "chan-1")).isFalse();

        assertThat(subscriptions.count("chan-1")).isEqualTo(1);
    }

    @Test
    void subscribe_missingChannel_throwsAndWritesNothing() {
        assertThatThrownBy(() -> subscriptions.subscribe("alice", "chan-missing"))
                .isInstanceOf(ChannelNotFoundException.class);
        assertThat(f.subscriptions.byChannel).isEmpty();
    }

    @Test
    void subscribe_ownChannel_throwsAndWritesNothing() {
        f.channel("chan-1", "alice");

        assertThatThrownBy(() -> subscriptions.subscribe("alice", "chan-1"))
                .isInstanceOf(SelfSubscriptionException.class);
        assertThat(f.subscriptions.counts).isEmpty();
    }

    @Test
    void unsubscribe_twice_decrementsOnce() {
        f.channel("chan-1", "owner-1");
        subscriptions.subscribe("alice", "chan-1");
        subscriptions.subscribe("bob", "chan-1");

        assertThat(subscriptions.unsubscribe("alice", "chan-1")).isTrue();
        assertThat(subscriptions.unsubscribe("alice", "chan-1")).isFalse();

        assertThat(subscriptions.count("chan-1")).isEqualTo(1);
    }

    @Test
    void list_pages_withSignedCursorBoundToViewer() {
        for (String c : new String[] {"chan-a", "chan-b", "chan-c"}) {
            f.channel(c, "owner");
            subscriptions.subscribe("alice", c);
        }

        Page<Subscription> first = subscriptions.list("alice", null, 2);
        Page<Subscription> second = subscriptions.list("alice", first.nextCursor(), 2);

        assertThat(first.items()).extracting(Subscription::channelId).containsExactly("chan-a", "chan-b");
        assertThat(second.items()).extracting(Subscription::channelId).containsExactly("chan-c");
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> subscriptions.list("bob", first.nextCursor(), 2))
                .isInstanceOf(CursorInvalidException.class);
        assertThatThrownBy(() -> subscriptions.list("alice", null, 0)).isInstanceOf(PageSizeInvalidException.class);
    }

    @Test
    void count_missingChannel_throws() {
        assertThatThrownBy(() -> subscriptions.count("chan-none")).isInstanceOf(ChannelNotFoundException.class);
    }
}
