package dev.clipflow.local.asl.parse;

/** Numeric limits Step Functions enforces on definition fields. */
final class TaskParserLimits {
    /** Largest TimeoutSeconds / HeartbeatSeconds / Wait Seconds AWS accepts. */
    static final int MAX_SECONDS = 99_999_999;

    private TaskParserLimits() {
    }
}
