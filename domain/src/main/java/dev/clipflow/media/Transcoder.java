package dev.clipflow.media;

/** Produces the HLS ladder, the poster and the thumbnail sprite of a source (port; ffmpeg in production). */
public interface Transcoder {

    /**
     * Writes every output below {@code job.outputDir()}, laid out as under
     * {@link MediaKeys#outputPrefix(String)}: {@code hls/master.m3u8}, {@code hls/<rendition>/...},
     * {@code poster.jpg}, {@code thumbnails/sprite.jpg}, {@code thumbnails/thumbnails.vtt}.
     *
     * @throws MediaRejectedException when decoding shows the source is truncated or corrupt
     */
    TranscodeOutput transcode(TranscodeJob job);
}
