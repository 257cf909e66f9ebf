package io.berth.elb;

import io.berth.edge.AwsException;
import io.berth.kit.ValidationMessages;

/** ELBv2's errors, coded and worded as ELB answers them; every one is the sender's fault, HTTP 400. */
final class ElbErrors {

    private ElbErrors() {
    }

    static AwsException error(String code, String message) {
        return new AwsException(code, 400, message);
    }

    static AwsException validation(String message) {
        return error("ValidationError", message);
    }

    static AwsException invalidConfiguration(String message) {
        return error("InvalidConfigurationRequest", message);
    }

    /** A member the model requires, missing: "1 validation error detected: Value null at 'member' ...". */
    static AwsException required(String member) {
        return validation(ValidationMessages.one(null, member, "Member must not be null"));
    }

    static AwsException constraint(Object value, String member, String constraint) {
        return validation(ValidationMessages.one(value, member, constraint));
    }

    static AwsException loadBalancerNotFound() {
        return error("LoadBalancerNotFound", "One or more load balancers not found");
    }

    static AwsException targetGroupNotFound() {
        return error("TargetGroupNotFound", "One or more target groups not found");
    }

    static AwsException targetGroupNotFound(String arn) {
        return error("TargetGroupNotFound", "Target group '" + arn + "' not found");
    }

    static AwsException listenerNotFound() {
        return error("ListenerNotFound", "One or more listeners not found");
    }

    static AwsException ruleNotFound() {
        return error("RuleNotFound", "One or more rules not found");
    }

    static AwsException invalidArn(String arn, String what) {
        return validation("'" + arn + "' is not a valid " + what + " ARN");
    }
}
