package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.util.List;
import java.util.Locale;

/**
 * The poster and the scrubbing sprite of a video: when the poster is taken, and how the sprite is
 * tiled. One sprite image holds every tile (at most {@link #MAX_TILES}); its WebVTT index maps each
 * interval to a {@code #xywh=} fragment of the image.
 *
 * @param posterSeconds   where the poster frame is taken: 10% in, at most {@link #MAX_POSTER_SECONDS},
 *                        never after the last frame (0 for a one-frame video)
 * @param posterWidth     the poster's size: the top rendition's
 * @param intervalSeconds one tile per interval, at least one second
 * @param tileCount       how many tiles the video has: ceil(duration / interval), at least 1
 */
public record ThumbnailPlan(double posterSeconds, int posterWidth, int posterHeight, int intervalSeconds,
                            int tileWidth, int tileHeight, int columns, int rows, int tileCount,
                            double durationSeconds) {
    public static final int MAX_TILES = 100;
    public static final int MAX_COLUMNS = 10;
    public static final int TILE_LONG_SIDE = 160;
    public static final double MAX_POSTER_SECONDS = 30;
    /**
     * A chunk's tile file (index in the whole sprite): BMP, lossless and written by every ffmpeg build (the static
     * release builds leave out the PNG encoder); the stitch step encodes the sprite once, as JPEG.
     */
    public static final String TILE_FILE = "tile_%05d.bmp";

    /** Plans thumbnails for a source and its ladder (the top rendition sets the poster's size). */
    public static ThumbnailPlan of(MediaInfo media, List<RenditionSpec> ladder) {
        RenditionSpec top = ladder.getLast();
        double duration = Math.max(0, media.pictureEndSeconds());
        double lastFrame = media.frameRate() > 0 ? duration - 1.0 / media.frameRate() : duration;
        double poster = Math.max(0, Math.min(Math.min(duration * 0.1, MAX_POSTER_SECONDS), lastFrame));
        int interval = (int) Math.max(1, Math.ceil(duration / MAX_TILES));
        int count = (int) Math.max(1, Math.ceil(duration / interval - 1e-9));
        int columns = Math.min(count, MAX_COLUMNS);
        int rows = (count + columns - 1) / columns;
        int tileW;
        int tileH;
        if (top.width() >= top.height()) {
            tileW = Math.min(TILE_LONG_SIDE, top.width());
            tileH = even((double) tileW * top.height() / top.width());
        } else {
            tileH = Math.min(TILE_LONG_SIDE, top.height());
            tileW = even((double) tileH * top.width() / top.height());
        }
        return new ThumbnailPlan(poster, top.width(), top.height(), interval, tileW, tileH, columns, rows, count,
                duration);
    }

    /** The first tile whose instant ({@code index * intervalSeconds}) is at or after {@code startSeconds}. */
    public int firstTileFrom(double startSeconds) {
        return (int) Math.min(tileCount, Math.max(0, Math.ceil(startSeconds / intervalSeconds - 1e-9)));
    }

    /** One past the last tile whose instant is before {@code endSeconds}; every tile when it is null. */
    public int tilesBefore(Double endSeconds) {
        if (endSeconds == null) {
            return tileCount;
        }
        return (int) Math.min(tileCount, Math.max(0, Math.ceil(endSeconds / intervalSeconds - 1e-9)));
    }

    /** Whether the poster instant lies in {@code [startSeconds, endSeconds)} (an open end when null). */
    public boolean posterIn(double startSeconds, Double endSeconds) {
        return posterSeconds >= startSeconds && (endSeconds == null || posterSeconds < endSeconds);
    }

    public int spriteWidth() {
        return tileWidth * columns;
    }

    public int spriteHeight() {
        return tileHeight * rows;
    }

    /** The WebVTT index; {@code spriteUrl} is how the index refers to the image (relative to the index). */
    public String webVtt(String spriteUrl) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < tileCount; i++) {
            double start = (double) i * intervalSeconds;
            double end = i == tileCount - 1 ? Math.max(durationSeconds, start + 0.001) : start + intervalSeconds;
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            vtt.append('\n').append(timestamp(start)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(spriteUrl).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(tileWidth).append(',').append(tileHeight).append('\n');
        }
        return vtt.toString();
    }

    static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d",
                millis / 3_600_000, (millis / 60_000) % 60, (millis / 1000) % 60, millis % 1000);
    }

    private static int even(double value) {
        return (int) Math.max(2, 2 * Math.round(value / 2));
    }
}
