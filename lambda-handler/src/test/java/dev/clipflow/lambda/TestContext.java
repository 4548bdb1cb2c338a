package dev.clipflow.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context of one test invocation: its request id, the time left and the configured memory. */
record TestContext(String getAwsRequestId, int getRemainingTimeInMillis, int getMemoryLimitInMB) implements Context {

    static TestContext of(String requestId) {
        return new TestContext(requestId, 30_000, 1024);
    }

    @Override
    public String getLogGroupName() {
        return "/clipflow/test/EchoFunction";
    }

    @Override
    public String getLogStreamName() {
        return "stream";
    }

    @Override
    public String getFunctionName() {
        return "EchoFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:EchoFunction";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
