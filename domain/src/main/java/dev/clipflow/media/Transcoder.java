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

    /**
     * Encodes one chunk of a chunked transcode: the frames of the chunk's time range in every rendition, on the
     * same key-frame and segment grid as {@link #transcode}, the audio of the range such that the chunks' audio
     * joins without a gap or click, the chunk's thumbnail tiles and, when the chunk holds the poster instant,
     * the poster. Running it twice writes the same files with the same frames at the same times.
     *
     * @throws MediaRejectedException when the range cannot be decoded, or a chunk before the last has no frame
     *                                (the source is shorter than its header promised)
     */
    ChunkOutput transcodeChunk(ChunkJob job);
}
