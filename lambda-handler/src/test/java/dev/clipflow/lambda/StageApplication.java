package dev.clipflow.lambda;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** A pipeline stage registered as the real ones are: it answers with the limits it ran under. */
public class StageApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    /** The stage's input. */
    public record Job(String name) {
    }

    /** What the stage saw: its defaults ({@code -1}) or the invocation's memory and time left. */
    public record Sized(String name, int memoryMb, long remainingMillis) {
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.registerStage(context, "sized", Job.class, Sized.class, () -> new LambdaStage<>(
                job -> new Sized(job.name(), -1, -1),
                (job, invocation) -> new Sized(job.name(), invocation.memoryMb(),
                        invocation.remaining().toMillis())));
    }
}
