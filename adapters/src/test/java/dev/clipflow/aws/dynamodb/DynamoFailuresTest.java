package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.pipeline.TransientStageException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class DynamoFailuresTest {

    @Test
    void translate_throttlingServerErrorsAndIo_areTransient() {
        var throttled = DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
        var unavailable = DynamoDbException.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").build()).build();
        var io = SdkClientException.create("connection reset", new IOException("reset"));

        assertThat(DynamoFailures.translate("PutItem", throttled)).isInstanceOf(TransientStageException.class);
        assertThat(DynamoFailures.translate("PutItem", unavailable)).isInstanceOf(TransientStageException.class)
                .hasMessageContaining("PutItem").hasCause(unavailable);
        assertThat(DynamoFailures.translate("GetItem", io)).isInstanceOf(TransientStageException.class);
    }

    @Test
    void translate_clientErrors_staySdkExceptions() {
        var missingTable = ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build();
        var validation = DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();

        assertThat(DynamoFailures.translate("Query", missingTable)).isSameAs(missingTable);
        assertThat(DynamoFailures.translate("Query", validation)).isSameAs(validation);
    }
}
