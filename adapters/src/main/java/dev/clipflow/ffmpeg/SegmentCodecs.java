package dev.clipflow.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The RFC 6381 CODECS string of a produced MPEG-TS segment, read from the bytes ffmpeg wrote:
 * {@code avc1.PPCCLL} is the H.264 sequence parameter set's profile_idc, constraint flags and
 * level_idc, exactly as x264 wrote them; audio is AAC-LC ({@code mp4a.40.2}), the only audio the
 * transcoder produces. No process is started, so measuring a ladder stays cheap.
 */
final class SegmentCodecs {
    static final String AAC_LC = "mp4a.40.2";
    private static final int PACKET = 188;
    private static final int MAX_BYTES_PER_PID = 256 * 1024;

    private SegmentCodecs() {
    }

    static String codecs(Path segment, boolean audio) {
        String video = avc1(segment);
        return audio ? video + "," + AAC_LC : video;
    }

    static String avc1(Path segment) {
        try (InputStream in = Files.newInputStream(segment)) {
            return avc1(in.readNBytes(4 * 1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the segment " + segment.getFileName(), e);
        }
    }

    /** Finds the first SPS in the payloads of a transport stream's packets. */
    static String avc1(byte[] ts) {
        Map<Integer, ByteArrayOutputStream> payloads = new HashMap<>();
        for (int at = 0; at + PACKET <= ts.length; at += PACKET) {
            if (ts[at] != 0x47) {
                throw new FfmpegFailedException("The produced segment is not an MPEG-TS stream", 0);
            }
            int pid = ((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF);
            int adaptation = (ts[at + 3] >> 4) & 0x3;
            int start = at + 4;
            if (adaptation == 2) {
                continue;
            }
            if (adaptation == 3) {
                start += 1 + (ts[at + 4] & 0xFF);
            }
            ByteArrayOutputStream stream = payloads.computeIfAbsent(pid, p -> new ByteArrayOutputStream());
            if (start < at + PACKET && stream.size() < MAX_BYTES_PER_PID) {
                stream.write(ts, start, at + PACKET - start);
                String found = sps(stream.toByteArray());
                if (found != null) {
                    return found;
                }
            }
        }
        throw new FfmpegFailedException("No H.264 sequence parameter set in the produced segment", 0);
    }

    private static String sps(byte[] stream) {
        for (int i = 0; i + 6 < stream.length; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1 && (stream[i + 3] & 0x1F) == 7) {
                return "avc1." + HexFormat.of().formatHex(stream, i + 4, i + 7);
            }
        }
        return null;
    }
}
