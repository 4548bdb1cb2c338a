package dev.clipflow.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HlsPlaylistsTest {

    @Test
    void mediaPlaylist_listsTheSegmentsInOrderWithTheRoundedUpTargetDuration() {
        String text = HlsPlaylists.mediaPlaylist(List.of(new HlsSegment("seg_00000.ts", 4.0, 1),
                new HlsSegment("seg_00001.ts", 4.0004, 1), new HlsSegment("seg_00002.ts", 5.2, 1)));

        assertThat(text).startsWith("#EXTM3U\n").contains("#EXT-X-TARGETDURATION:6\n", "#EXT-X-PLAYLIST-TYPE:VOD\n",
                "#EXTINF:4.000400,\nseg_00001.ts\n").endsWith("#EXTINF:5.200000,\nseg_00002.ts\n#EXT-X-ENDLIST\n")
                .doesNotContain("DISCONTINUITY");
    }

    @Test
    void targetDuration_toleratesAThousandthOfASecond() {
        assertThat(HlsPlaylists.targetDuration(List.of(new HlsSegment("a", 4.0009, 1)))).isEqualTo(4);
        assertThat(HlsPlaylists.targetDuration(List.of(new HlsSegment("a", 4.001, 1)))).isEqualTo(5);
    }

    @Test
    void bandwidth_peakIgnoresAShortTailUnlessAllAreShort() {
        var b = HlsPlaylists.bandwidth(List.of(new HlsSegment("a", 4, 500_000), new HlsSegment("b", 4, 400_000),
                new HlsSegment("c", 0.2, 60_000)));

        assertThat(b.peak()).isEqualTo(1_000_000);
        assertThat(b.average()).isEqualTo(Math.round(960_000 * 8 / 8.2));
        assertThat(HlsPlaylists.bandwidth(List.of(new HlsSegment("c", 0.2, 60_000))).peak()).isEqualTo(2_400_000);
    }
}
