package dev.clipflow.discovery;

/** One video under one term of the inverted index: its weight for the term and its vector norm. */
public record Posting(String videoId, double weight, double norm) {
}
