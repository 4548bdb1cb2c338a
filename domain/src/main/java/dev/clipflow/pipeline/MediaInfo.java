package dev.clipflow.pipeline;

import java.util.Set;

/**
 * What ffprobe says about a source, after rotation is applied: {@code displayWidth} x
 * {@code displayHeight} is what a viewer sees (a phone video stored 1920x1080 with rotation 90 is
 * displayed 1080x1920).
 *
 * <p>Times are on the output timeline, whose zero is the earliest start of any stream.
 *
 * @param durationSeconds the container's duration (the longest stream)
 * @param audioCodec      null when the source has no audio stream
 * @param audioSampleRate the audio stream's sample rate in Hz; 0 when there is no audio or it is unknown (also
 *                        when absent from JSON written before it was recorded: boxed so that it may be)
 * @param videoEndSeconds where the picture ends (its last frame's end); 0 when unknown or absent, read as
 *                        {@code durationSeconds} (see {@link #pictureEndSeconds()}). Shorter than the
 *                        duration when the audio runs on after the picture.
 * @param colorTransfer   the video's transfer characteristic as ffprobe names it ({@code bt709},
 *                        {@code arib-std-b67} for HLG, {@code smpte2084} for PQ); null when untagged or unknown
 * @param colorPrimaries  the video's colour primaries as ffprobe names them ({@code bt709}, {@code bt2020}); null
 *                        when untagged or unknown
 */
public record MediaInfo(double durationSeconds, int width, int height, int rotation,
                        int displayWidth, int displayHeight, double frameRate,
                        String videoCodec, String audioCodec, long bitRate, String formatName,
                        Integer audioSampleRate, Double videoEndSeconds, String colorTransfer,
                        String colorPrimaries) {
    /** Transfer characteristics of high dynamic range video: PQ (HDR10, Dolby Vision) and HLG. */
    private static final Set<String> HDR_TRANSFERS = Set.of("smpte2084", "arib-std-b67");

    public MediaInfo {
        audioSampleRate = audioSampleRate == null ? 0 : audioSampleRate;
        videoEndSeconds = videoEndSeconds == null ? 0 : videoEndSeconds;
    }

    /** Facts without the colour description (inputs written before it was recorded). */
    public MediaInfo(double durationSeconds, int width, int height, int rotation, int displayWidth,
                     int displayHeight, double frameRate, String videoCodec, String audioCodec, long bitRate,
                     String formatName, Integer audioSampleRate, Double videoEndSeconds) {
        this(durationSeconds, width, height, rotation, displayWidth, displayHeight, frameRate, videoCodec,
                audioCodec, bitRate, formatName, audioSampleRate, videoEndSeconds, null, null);
    }

    /** Facts without the audio sample rate and the picture's end (inputs written before they were recorded). */
    public MediaInfo(double durationSeconds, int width, int height, int rotation, int displayWidth,
                     int displayHeight, double frameRate, String videoCodec, String audioCodec, long bitRate,
                     String formatName) {
        this(durationSeconds, width, height, rotation, displayWidth, displayHeight, frameRate, videoCodec,
                audioCodec, bitRate, formatName, 0, 0.0);
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public boolean isPortrait() {
        return displayHeight > displayWidth;
    }

    /**
     * Whether the picture is high dynamic range (PQ or HLG transfer) or wide gamut (BT.2020 primaries): such a
     * source must be converted to BT.709 SDR for the published ladder, whose 8-bit H.264 players show as SDR.
     */
    public boolean needsSdrConversion() {
        return (colorTransfer != null && HDR_TRANSFERS.contains(colorTransfer))
                || (colorPrimaries != null && colorPrimaries.startsWith("bt2020"));
    }

    /** Where the picture ends on the output timeline: {@code videoEndSeconds} when known, else the duration. */
    public double pictureEndSeconds() {
        return videoEndSeconds > 0 ? videoEndSeconds : durationSeconds;
    }
}
