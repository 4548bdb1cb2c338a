package dev.clipflow.catalog.deletion;

/** The video pipeline's executions (port): Step Functions on AWS and in the local runtime. */
public interface PipelineExecutions {

    /** Stops every running pipeline execution of {@code videoId}; returns how many it stopped (0 on a repeat). */
    int stopRunning(String videoId);
}
