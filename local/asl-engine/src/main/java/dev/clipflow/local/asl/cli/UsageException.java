package dev.clipflow.local.asl.cli;

/** Thrown for a bad command line; the CLI prints the message and the usage, and exits with 2. */
class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
