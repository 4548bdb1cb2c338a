package dev.clipflow.local.asl.cli;

/** Thrown when a file cannot be read or an input is not JSON; the CLI exits with 4. */
class InputException extends RuntimeException {
    InputException(String message) {
        super(message);
    }
}
