package dev.clipflow.ffmpeg;

import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import dev.clipflow.pipeline.MediaInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns ffprobe's JSON ({@code -show_format -show_streams}) into {@link MediaInfo}, or a rejection. */
final class FfprobeReport {
    /** Demuxers that read still images or text, not video. */
    private static final Set<String> NOT_VIDEO_FORMATS = Set.of("image2", "tty", "lrc", "srt", "webvtt", "ass");
    private static final Set<String> TEXT_CODECS = Set.of("ansi", "bintext", "xbin", "idf", "text");
    /** Stream payload below this share of the file's declared payload means the file was cut off. */
    static final double TRUNCATION_RATIO = 0.9;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FfprobeReport() {
    }

    static MediaInfo parse(String json, long fileSize) {
        return parse(json, fileSize, null);
    }

    /**
     * The video stream's index when the source is Matroska or WebM whose header gives no duration (a live-written
     * WebM, as browsers record): its length must be measured ({@link MatroskaTail}).
     */
    static Optional<Integer> unknownMatroskaLength(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode format = root.path("format");
        if (!format.path("format_name").asString("").contains("matroska")
                || number(format.path("duration")).isPresent()) {
            return Optional.empty();
        }
        return StreamSupport.stream(root.path("streams").spliterator(), false)
                .filter(s -> "video".equals(s.path("codec_type").asString("")))
                .filter(s -> s.path("disposition").path("attached_pic").asInt(0) == 0)
                .map(s -> s.path("index").asInt(-1)).filter(i -> i >= 0).findFirst();
    }

    /**
     * Parses ffprobe's report; {@code measured} (null when not measured) gives the length and the picture's end
     * when the header does not.
     */
    static MediaInfo parse(String json, long fileSize, MatroskaTail.Timeline measured) {
        JsonNode root = JSON.readTree(json);
        JsonNode format = root.path("format");
        String formatName = format.path("format_name").asString("");
        var streams = StreamSupport.stream(root.path("streams").spliterator(), false).toList();
        Optional<JsonNode> video = streams.stream()
                .filter(s -> "video".equals(s.path("codec_type").asString("")))
                .filter(s -> s.path("disposition").path("attached_pic").asInt(0) == 0)
                .findFirst();
        Optional<JsonNode> audio = streams.stream()
                .filter(s -> "audio".equals(s.path("codec_type").asString(""))).findFirst();
        if (NOT_VIDEO_FORMATS.contains(formatName) || formatName.endsWith("_pipe")) {
            throw new MediaRejectedException(MediaRejectionReason.NOT_A_VIDEO, "format " + formatName);
        }
        if (video.isEmpty()) {
            if (audio.isPresent()) {
                throw new MediaRejectedException(MediaRejectionReason.AUDIO_ONLY,
                        "audio " + audio.get().path("codec_name").asString("?") + ", no video stream");
            }
            throw new MediaRejectedException(MediaRejectionReason.NOT_A_VIDEO, "no video stream in " + formatName);
        }
        JsonNode v = video.get();
        String codec = v.path("codec_name").asString("");
        if (TEXT_CODECS.contains(codec)) {
            throw new MediaRejectedException(MediaRejectionReason.NOT_A_VIDEO, "text read as " + codec);
        }
        int width = v.path("width").asInt(0);
        int height = v.path("height").asInt(0);
        if (codec.isEmpty() || width <= 0 || height <= 0) {
            throw new MediaRejectedException(MediaRejectionReason.CORRUPT,
                    "video stream without codec or size (" + codec + " " + width + "x" + height + ")");
        }
        double origin = number(format.path("start_time")).orElse(0.0);
        double duration = number(format.path("duration")).orElseGet(() -> number(v.path("duration")).orElse(0.0));
        if (duration <= 0 && measured != null) {
            duration = measured.endSeconds() - origin;
        }
        if (duration <= 0) {
            throw new MediaRejectedException(MediaRejectionReason.CORRUPT, "unknown duration");
        }
        long size = fileSize > 0 ? fileSize : number(format.path("size")).orElse(0.0).longValue();
        checkTruncation(formatName, streams, size);
        int rotation = rotation(v);
        int displayWidth = width;
        String sar = v.path("sample_aspect_ratio").asString("1:1");
        double sarValue = ratio(sar.replace(':', '/'));
        if (sarValue > 0 && Math.abs(sarValue - 1) > 0.01) {
            displayWidth = (int) Math.round(width * sarValue);
        }
        boolean swap = rotation == 90 || rotation == 270;
        double fps = ratio(v.path("avg_frame_rate").asString("0/0"));
        if (fps <= 0 && measured != null && measured.videoFrameRate() > 0) {
            fps = measured.videoFrameRate();
        }
        if (fps <= 0) {
            fps = ratio(v.path("r_frame_rate").asString("0/0"));
        }
        long bitRate = (long) number(format.path("bit_rate")).orElse(0.0).doubleValue();
        String audioCodec = audio.map(a -> a.path("codec_name").asString("unknown")).orElse(null);
        int sampleRate = audio.flatMap(a -> number(a.path("sample_rate"))).map(Double::intValue).orElse(0);
        double videoEnd = videoEnd(format, v);
        if (videoEnd <= 0 && measured != null) {
            videoEnd = Math.max(0, measured.videoEndSeconds() - origin);
        }
        return new MediaInfo(duration, width, height, rotation, swap ? height : displayWidth,
                swap ? displayWidth : height, fps, codec, audioCodec, bitRate, formatName, sampleRate,
                videoEnd, color(v.path("color_transfer")), color(v.path("color_primaries")));
    }

    /** A colour property as ffprobe names it; null when absent or {@code unknown}. */
    private static String color(JsonNode node) {
        String value = node.asString("").strip();
        return value.isEmpty() || value.equals("unknown") || value.equals("unspecified") ? null : value;
    }

    /**
     * Where the picture ends on the output timeline (zero = the earliest stream's start): the video stream's
     * start plus its duration (Matroska keeps the latter in a {@code DURATION} tag); 0 when unknown.
     */
    static double videoEnd(JsonNode format, JsonNode video) {
        Optional<Double> length = number(video.path("duration"))
                .or(() -> clock(video.path("tags").path("DURATION").asString("")));
        if (length.isEmpty() || length.get() <= 0) {
            return 0;
        }
        double origin = number(format.path("start_time")).orElse(0.0);
        double start = number(video.path("start_time")).orElse(origin);
        return Math.max(0, start - origin) + length.get();
    }

    /** {@code HH:MM:SS.fraction}, as Matroska's DURATION tag writes it. */
    private static Optional<Double> clock(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60
                    + Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An MP4 whose index promises more sample bytes than the file holds was cut off. */
    private static void checkTruncation(String formatName, List<JsonNode> streams, long fileSize) {
        if (!formatName.contains("mp4") && !formatName.contains("mov")) {
            return;
        }
        double declared = 0;
        for (JsonNode s : streams) {
            Optional<Double> rate = number(s.path("bit_rate"));
            Optional<Double> seconds = number(s.path("duration"));
            if (rate.isPresent() && seconds.isPresent()) {
                declared += rate.get() * seconds.get() / 8;
            }
        }
        if (fileSize > 0 && declared > 0 && fileSize < declared * TRUNCATION_RATIO) {
            throw new MediaRejectedException(MediaRejectionReason.TRUNCATED, String.format(
                    "the file has %d bytes, its index describes %.0f bytes of media", fileSize, declared));
        }
    }

    /** Clockwise degrees to turn the stored picture to display it: 0, 90, 180 or 270. */
    static int rotation(JsonNode video) {
        String tag = video.path("tags").path("rotate").asString("");
        double degrees;
        if (!tag.isEmpty()) {
            degrees = Double.parseDouble(tag);
        } else {
            degrees = StreamSupport.stream(video.path("side_data_list").spliterator(), false)
                    .filter(d -> d.has("rotation"))
                    .map(d -> -d.path("rotation").asDouble(0))
                    .findFirst().orElse(0.0);
        }
        long quarterTurns = Math.round(degrees / 90.0);
        return (int) (((quarterTurns % 4) + 4) % 4) * 90;
    }

    private static Optional<Double> number(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(node.asString(""));
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static double ratio(String fraction) {
        String[] parts = fraction.split("/");
        try {
            if (parts.length == 1) {
                return Double.parseDouble(parts[0]);
            }
            double den = Double.parseDouble(parts[1]);
            return den == 0 ? 0 : Double.parseDouble(parts[0]) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
