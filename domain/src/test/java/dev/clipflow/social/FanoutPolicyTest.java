package dev.clipflow.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FanoutPolicyTest {
    private final FanoutPolicy policy = new FanoutPolicy(25, 1000, 100);

    @Test
    void modeFor_bySubscriberCount() {
        assertThat(policy.modeFor(new ChannelAudience("c", 0, false))).isEqualTo(FanoutMode.NONE);
        assertThat(policy.modeFor(new ChannelAudience("c", 1, false))).isEqualTo(FanoutMode.INLINE);
        assertThat(policy.modeFor(new ChannelAudience("c", 25, false))).isEqualTo(FanoutMode.INLINE);
        assertThat(policy.modeFor(new ChannelAudience("c", 26, false))).isEqualTo(FanoutMode.QUEUED);
        assertThat(policy.modeFor(new ChannelAudience("c", 999, false))).isEqualTo(FanoutMode.QUEUED);
        assertThat(policy.modeFor(new ChannelAudience("c", 1000, false))).isEqualTo(FanoutMode.CELEBRITY);
    }

    @Test
    void modeFor_stickyCelebrityFlag_staysCelebrityBelowThreshold() {
        assertThat(policy.modeFor(new ChannelAudience("c", 10, true))).isEqualTo(FanoutMode.CELEBRITY);
    }

    @Test
    void constructor_inconsistentValues_throw() {
        assertThatThrownBy(() -> new FanoutPolicy(100, 100, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FanoutPolicy(-1, 100, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FanoutPolicy(1, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FanoutPolicy(1, 100, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_blankValuesTakeDefaults() {
        assertThat(FanoutPolicy.parse(null, " ", "")).isEqualTo(FanoutPolicy.DEFAULT);
        assertThat(FanoutPolicy.parse("10", "20", "5")).isEqualTo(new FanoutPolicy(10, 20, 5));
    }
}
