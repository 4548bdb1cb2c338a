package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartReportTest {
    private static final List<String> FRAMECRC = List.of("#software: Lavf59.27.100", "#tb 0: 1/25",
            "#media_type 0: video", "#tb 1: 1/48000", "#media_type 1: audio",
            "1,    2207744,    2207744,     1024,     4096, 0x1af0eb21",
            "0,       1150,       1150,        1,   345600, 0xc3718e80");

    @Test
    void parse_framecrc_readsEachStreamsFirstTime() {
        StartReport report = StartReport.parse(FRAMECRC);

        assertThat(report.videoSeconds()).isEqualTo(46.0);
        assertThat(report.audioSeconds()).isEqualTo(2207744 / 48000.0);
    }

    @Test
    void startedBy_decodingFromBeforeTheChunk_isTrue_fromAfter_isFalse() {
        StartReport report = StartReport.parse(FRAMECRC);

        assertThat(report.startedBy(48, AudioGrid.of(48000, 48, 96L, 130))).isTrue();
        assertThat(report.startedBy(44, AudioGrid.of(48000, 44, 88L, 130))).as("first frame at 46 s").isFalse();
        assertThat(StartReport.parse(List.of()).startedBy(48, AudioGrid.of(48000, 48, 96L, 130)))
                .as("nothing decoded").isFalse();
    }

    @Test
    void audioGrid_middleRange_ownsThePacketsStartingInIt() {
        AudioGrid grid = AudioGrid.of(48000, 48, 96L, 130);

        assertThat(grid.feedStart()).isEqualTo(2247L * 1024);
        assertThat(grid.feedEnd()).isEqualTo((4500L + 2) * 1024);
        assertThat(grid.dropExpression()).isEqualTo("lt(n\\,4)+gte(n\\,2254)");
        assertThat(AudioGrid.of(48000, 0, null, 130).dropExpression()).isNull();
        assertThat(AudioGrid.of(37800, 0, 40L, 130).sampleRate()).as("not an AAC rate").isEqualTo(48000);
    }
}
