package dev.clipflow.local.asl.eval;

/** An execution's status as DescribeExecution reports it (child executions of a Map Run included). */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
