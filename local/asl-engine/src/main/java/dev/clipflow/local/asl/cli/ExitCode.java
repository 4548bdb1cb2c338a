package dev.clipflow.local.asl.cli;

/** Exit codes of {@link AslCli}. */
final class ExitCode {
    /** Execution SUCCEEDED, definition valid, test-state not FAILED. */
    static final int OK = 0;
    /** Execution FAILED or TIMED_OUT; test-state FAILED. */
    static final int FAILED = 1;
    /** Bad command line (unknown command or option, missing value). */
    static final int USAGE = 2;
    /** The definition is not JSON or not a valid state machine (diagnostics on stderr / stdout). */
    static final int INVALID_DEFINITION = 3;
    /** A file cannot be read, the input is not JSON, the mock configuration is invalid. */
    static final int BAD_INPUT = 4;
    /** A bug: reported in one line, without stack trace. */
    static final int INTERNAL = 70;

    private ExitCode() {
    }
}
