package dev.clipflow.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Recognises a media container from a file's first bytes. ffmpeg picks a demuxer by file extension
 * when the content is unrecognisable, so its error alone cannot tell a damaged MP4 from a text file
 * named {@code .mp4}; these signatures can.
 */
enum ContainerSignature {
    ISO_BMFF, MATROSKA, AVI, FLV, MPEG_TS, MPEG_PS, ASF, OGG, UNKNOWN;

    static final int HEAD = 376;

    static ContainerSignature of(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            return UNKNOWN;
        }
        return of(head);
    }

    static ContainerSignature of(byte[] head) {
        if (head.length >= 8) {
            String box = new String(Arrays.copyOfRange(head, 4, 8), StandardCharsets.ISO_8859_1);
            if (box.equals("ftyp") || box.equals("moov") || box.equals("mdat") || box.equals("wide")
                    || box.equals("free") || box.equals("skip")) {
                return ISO_BMFF;
            }
        }
        if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            return MATROSKA;
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'A' && head[9] == 'V') {
            return AVI;
        }
        if (startsWith(head, 'F', 'L', 'V')) {
            return FLV;
        }
        if (head.length >= 189 && head[0] == 0x47 && head[188] == 0x47) {
            return MPEG_TS;
        }
        if (startsWith(head, 0x00, 0x00, 0x01, 0xBA)) {
            return MPEG_PS;
        }
        if (startsWith(head, 0x30, 0x26, 0xB2, 0x75)) {
            return ASF;
        }
        if (startsWith(head, 'O', 'g', 'g', 'S')) {
            return OGG;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
