package dev.clipflow.pipeline;

/** How the pipeline transcodes a source; the state machine's Choice reads it from the probe's plan. */
public enum TranscodeMode {
    /** One task encodes the whole ladder in one ffmpeg pass (docs/adr/0004). */
    ONE_PASS,
    /** A Map of chunk encodes, then a stitch step (docs/adr/0008). */
    CHUNKED
}
