package io.berth.logs;

import io.berth.edge.AwsException;
import io.berth.kit.ValidationMessages;

/** The CloudWatch Logs error codes Berth answers with, all HTTP 400 as the service answers them. */
final class LogsErrors {

    private LogsErrors() {
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", 400, message);
    }

    /** A request member outside its model constraint, worded as AWS's request validation words it. */
    static AwsException constraint(Object value, String member, String constraint) {
        return invalidParameter(ValidationMessages.one(value, member, constraint));
    }

    static AwsException groupNotFound() {
        return new AwsException("ResourceNotFoundException", 400, "The specified log group does not exist.");
    }

    static AwsException streamNotFound() {
        return new AwsException("ResourceNotFoundException", 400, "The specified log stream does not exist.");
    }

    static AwsException groupExists() {
        return new AwsException("ResourceAlreadyExistsException", 400, "The specified log group already exists");
    }

    static AwsException streamExists() {
        return new AwsException("ResourceAlreadyExistsException", 400, "The specified log stream already exists");
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    static AwsException tooManyTags(String message) {
        return new AwsException("TooManyTagsException", 400, message);
    }

    static AwsException invalidToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }
}
