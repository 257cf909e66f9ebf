package io.berth.iam;

import io.berth.edge.AwsException;

/** IAM's errors, with the codes, HTTP statuses and wording IAM answers with. */
final class IamErrors {

    private IamErrors() {
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    static AwsException quota(String quota, int limit) {
        return limitExceeded("Cannot exceed quota for " + quota + ": " + limit);
    }

    static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", 400, message);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    static AwsException accessDenied(String message) {
        return new AwsException("AccessDenied", 403, message);
    }

    /** GetPolicy, DeletePolicy, Detach*Policy of a policy that is not attached, and the like. */
    static AwsException policyNotFound(String arn) {
        return noSuchEntity("Policy " + arn + " was not found.");
    }

    /** Attach*Policy and ListEntitiesForPolicy of a policy that does not exist. */
    static AwsException policyNotAttachable(String arn) {
        return noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }

    static AwsException versionNotFound(String arn, String versionId) {
        return noSuchEntity("Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }

    static AwsException boundaryNotFound(String arn) {
        return noSuchEntity("Scope ARN: " + arn + " does not exist or is not attachable.");
    }

    static AwsException accessKeyNotFound(String accessKeyId) {
        return noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    static AwsException duplicateTagKeys(boolean caseInsensitive) {
        return invalidInput("Duplicate tag keys found." + (caseInsensitive ? " Please note that Tag keys are case insensitive." : ""));
    }
}
