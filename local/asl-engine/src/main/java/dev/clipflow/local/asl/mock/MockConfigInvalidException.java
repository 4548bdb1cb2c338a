package dev.clipflow.local.asl.mock;

/** Thrown when a mock configuration file is malformed or does not hold the requested test case. */
public class MockConfigInvalidException extends RuntimeException {
    public MockConfigInvalidException(String message) {
        super(message);
    }
}
