package dev.clipflow.recommendation;

/** Thrown when the recommendation task's input has no usable video id or an unknown schema version. Permanent. */
public class RecommendationInputMalformedException extends RuntimeException {
    public RecommendationInputMalformedException(String message) {
        super(message);
    }
}
