package dev.clipflow.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.messaging.Message;

/**
 * The Lambda entry of a pipeline stage that sizes its work from the invocation: when the AWS adapter passed the
 * Lambda context in the message's headers ({@link AWSLambdaUtils#AWS_CONTEXT}) with a configured memory and time
 * left, the stage gets them as {@link Invocation}; without one (a test, a plain call) it runs on its configured
 * defaults. Registered with {@link FunctionBeans#registerStage}, which declares the input and output types.
 *
 * @param <I> the stage's input record
 * @param <O> the stage's result
 */
public final class LambdaStage<I, O> implements Function<Message<I>, O> {
    private final Function<I, O> withoutContext;
    private final BiFunction<I, Invocation, O> withContext;

    /**
     * @param withoutContext the stage on its configured defaults
     * @param withContext the stage sized by the invocation's memory and time left
     */
    public LambdaStage(Function<I, O> withoutContext, BiFunction<I, Invocation, O> withContext) {
        this.withoutContext = Objects.requireNonNull(withoutContext, "withoutContext");
        this.withContext = Objects.requireNonNull(withContext, "withContext");
    }

    @Override
    public O apply(Message<I> message) {
        return message.getHeaders().get(AWSLambdaUtils.AWS_CONTEXT) instanceof Context c
                && c.getMemoryLimitInMB() > 0 && c.getRemainingTimeInMillis() > 0
                ? withContext.apply(message.getPayload(),
                        new Invocation(c.getMemoryLimitInMB(), Duration.ofMillis(c.getRemainingTimeInMillis())))
                : withoutContext.apply(message.getPayload());
    }

    /**
     * What the Lambda context says of one invocation.
     *
     * @param memoryMb the function's configured memory
     * @param remaining the time left before Lambda ends the invocation
     */
    public record Invocation(int memoryMb, Duration remaining) {
    }
}
