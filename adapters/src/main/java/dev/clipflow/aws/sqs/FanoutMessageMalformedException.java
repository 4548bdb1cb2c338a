package dev.clipflow.aws.sqs;

/**
 * Thrown when a fan-out message body is not a fan-out batch. Permanent: redelivery cannot fix it,
 * the message goes to the dead-letter queue after its receive count.
 */
public class FanoutMessageMalformedException extends RuntimeException {
    public FanoutMessageMalformedException(String problem) {
        super("The fan-out message is malformed: " + problem);
    }
}
