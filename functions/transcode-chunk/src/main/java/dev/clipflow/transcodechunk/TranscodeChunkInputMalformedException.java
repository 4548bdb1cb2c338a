package dev.clipflow.transcodechunk;

/** Thrown when a chunk's input lacks a valid video id, source, media facts, ladder or chunk. Permanent. */
public class TranscodeChunkInputMalformedException extends RuntimeException {
    public TranscodeChunkInputMalformedException(String message) {
        super(message);
    }
}
