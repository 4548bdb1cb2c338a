package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MatroskaTailTest {

    @Test
    void timeline_packetsWithDurations_endsWithTheLastPacketOfAnyStream() {
        String csv = """
                1,2.534000,0.020000,
                0,2.900000,0.033000
                0,2.933000,0.033000
                1,2.994000,0.020000,
                0,2.967000,0.033000
                """;

        MatroskaTail.Timeline t = MatroskaTail.timeline(csv, 0).orElseThrow();

        assertThat(t.endSeconds()).isCloseTo(3.014, Offset.offset(1e-9));
        assertThat(t.videoEndSeconds()).isCloseTo(3.0, Offset.offset(1e-9));
        assertThat(t.videoFrameRate()).isCloseTo(29.85, Offset.offset(0.01));
    }

    @Test
    void timeline_videoFramesWithoutDurations_lastFrameLastsOneFrameTime() {
        String csv = """
                0,10.000000,N/A
                0,10.040000,N/A
                0,10.080000,N/A
                1,9.990000,0.020000
                """;

        MatroskaTail.Timeline t = MatroskaTail.timeline(csv, 0).orElseThrow();

        assertThat(t.videoEndSeconds()).isCloseTo(10.12, Offset.offset(1e-9));
        assertThat(t.endSeconds()).isCloseTo(10.12, Offset.offset(1e-9));
    }

    @Test
    void timeline_noVideoPacket_isEmpty() {
        assertThat(MatroskaTail.timeline("1,2.0,0.02\n1,N/A,N/A\n", 0)).isEmpty();
    }
}
