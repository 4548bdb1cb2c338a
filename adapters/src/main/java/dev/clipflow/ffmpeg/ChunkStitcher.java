package dev.clipflow.ffmpeg;

import dev.clipflow.media.ChunkOutput;
import dev.clipflow.media.HlsPlaylists;
import dev.clipflow.media.HlsSegment;
import dev.clipflow.media.ProducedRendition;
import dev.clipflow.media.ThumbnailPlan;
import dev.clipflow.media.TranscodeOutput;
import dev.clipflow.pipeline.ChunkManifest;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The stitch step of a chunked transcode: from every chunk's manifest it writes what a one-pass encode writes
 * besides the segments (which the chunks wrote in place): each rendition's media playlist, the master playlist
 * with bit rates measured from the segments, the thumbnail sprite tiled from the chunks' tiles, and its WebVTT
 * index. The output is laid out as {@link TranscodeOutput} describes; the poster is the chunk's that held it.
 */
public final class ChunkStitcher {
    /** The sprite's JPEG quality, near ffmpeg's {@code -q:v 5} of a one-pass sprite. */
    static final float SPRITE_QUALITY = 0.8f;

    /**
     * Writes the playlists, sprite and index below {@code out}.
     *
     * @param chunks every chunk's manifest, in index order
     * @param tiles  a folder holding the chunks' tiles as {@link ThumbnailPlan#TILE_FILE}
     * @throws ChunksIncompleteException when a chunk is missing or inconsistent, or no chunk holds the poster
     */
    public TranscodeOutput stitch(MediaInfo media, List<RenditionSpec> ladder, List<ChunkManifest> chunks,
                                  Path tiles, Path out) {
        check(ladder, chunks);
        ThumbnailPlan thumbs = ThumbnailPlan.of(media, ladder);
        List<ProducedRendition> renditions = new ArrayList<>();
        try {
            for (int r = 0; r < ladder.size(); r++) {
                RenditionSpec spec = ladder.get(r);
                List<HlsSegment> segments = new ArrayList<>();
                String codecs = null;
                for (ChunkManifest c : chunks) {
                    ChunkOutput.Rendition rendition = c.renditions().get(r);
                    segments.addAll(rendition.segments());
                    codecs = codecs == null ? rendition.codecs() : codecs;
                }
                if (segments.isEmpty() || codecs == null) {
                    throw new ChunksIncompleteException("No chunk has a segment of " + spec.name());
                }
                String playlist = "hls/" + spec.name() + "/" + LadderCommand.PLAYLIST;
                String text = HlsPlaylists.mediaPlaylist(segments);
                Path file = out.resolve(playlist);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                HlsPlaylists.Bandwidth b = HlsPlaylists.bandwidth(segments);
                renditions.add(new ProducedRendition(spec.name(), spec.width(), spec.height(), b.peak(), b.average(),
                        codecs, playlist, b.mediaBytes() + text.getBytes(StandardCharsets.UTF_8).length,
                        b.durationSeconds()));
            }
            Files.writeString(out.resolve("hls/master.m3u8"),
                    HlsPlaylists.masterPlaylist(renditions, media.frameRate()), StandardCharsets.UTF_8);
            Path sprite = out.resolve("thumbnails/sprite.jpg");
            Files.createDirectories(sprite.getParent());
            writeSprite(thumbs, tiles, sprite);
            Files.writeString(out.resolve("thumbnails/thumbnails.vtt"), thumbs.webVtt(sprite.getFileName().toString()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the stitched outputs", e);
        }
        return new TranscodeOutput(out, "hls/master.m3u8", renditions, "poster.jpg", "thumbnails/sprite.jpg",
                "thumbnails/thumbnails.vtt");
    }

    private static void check(List<RenditionSpec> ladder, List<ChunkManifest> chunks) {
        if (chunks.isEmpty()) {
            throw new ChunksIncompleteException("There is no chunk to stitch");
        }
        for (int i = 0; i < chunks.size(); i++) {
            ChunkManifest c = chunks.get(i);
            if (c.index() != i) {
                throw new ChunksIncompleteException("Chunk " + i + " is missing (found chunk " + c.index() + ")");
            }
            List<String> names = c.renditions().stream().map(ChunkOutput.Rendition::name).toList();
            if (!names.equals(ladder.stream().map(RenditionSpec::name).toList())) {
                throw new ChunksIncompleteException("Chunk " + i + " has the renditions " + names
                        + ", not the ladder's");
            }
        }
        if (chunks.stream().noneMatch(ChunkManifest::poster)) {
            throw new ChunksIncompleteException("No chunk wrote the poster");
        }
    }

    /** Tiles the sprite; a tile no chunk produced (the picture ended early) repeats the one before it. */
    static void writeSprite(ThumbnailPlan thumbs, Path tiles, Path sprite) throws IOException {
        BufferedImage image = new BufferedImage(thumbs.spriteWidth(), thumbs.spriteHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            BufferedImage previous = null;
            for (int i = 0; i < thumbs.tileCount(); i++) {
                Path file = tiles.resolve(String.format(Locale.ROOT, ThumbnailPlan.TILE_FILE, i));
                BufferedImage tile = Files.exists(file) ? ImageIO.read(file.toFile()) : previous;
                if (tile != null) {
                    g.drawImage(tile, (i % thumbs.columns()) * thumbs.tileWidth(),
                            (i / thumbs.columns()) * thumbs.tileHeight(), thumbs.tileWidth(), thumbs.tileHeight(),
                            null);
                    previous = tile;
                }
            }
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(sprite.toFile())) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(SPRITE_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
