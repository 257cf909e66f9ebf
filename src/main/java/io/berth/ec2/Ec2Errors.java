package io.berth.ec2;

import io.berth.edge.AwsException;

import java.util.List;

/** EC2's error codes and messages; every EC2 client error answers HTTP 400. */
final class Ec2Errors {

    private Ec2Errors() {
    }

    static AwsException error(String code, String message) {
        return new AwsException(code, 400, message);
    }

    static AwsException invalidParameterValue(String message) {
        return error("InvalidParameterValue", message);
    }

    static AwsException missingParameter(String name) {
        return error("MissingParameter", "The request must contain the parameter " + name);
    }

    static AwsException invalidFilter(String name) {
        return invalidParameterValue("The filter '" + name + "' is invalid");
    }

    static AwsException invalidCidr(String parameter, String cidr) {
        return invalidParameterValue("Value (" + cidr + ") for parameter " + parameter
                + " is invalid. This is not a valid CIDR block.");
    }

    /** Modify*Attribute operations change exactly one attribute a request: {@code named} lists those it named. */
    static void oneAttribute(List<String> named) {
        if (named.isEmpty()) {
            throw error("InvalidParameterCombination", "No attributes specified.");
        }
        if (named.size() > 1) {
            throw error("InvalidParameterCombination", "Fields for multiple attribute types specified: "
                    + String.join(", ", named));
        }
    }

    static AwsException dependencyViolation(String message) {
        return error("DependencyViolation", message);
    }

    static AwsException vpcNotFound(List<String> ids) {
        return notFound("InvalidVpcID.NotFound", "vpc", ids);
    }

    static AwsException subnetNotFound(List<String> ids) {
        return notFound("InvalidSubnetID.NotFound", "subnet", ids);
    }

    static AwsException interfaceNotFound(List<String> ids) {
        return notFound("InvalidNetworkInterfaceID.NotFound", "networkInterface", ids);
    }

    static AwsException routeTableNotFound(List<String> ids) {
        return notFound("InvalidRouteTableID.NotFound", "routeTable", ids);
    }

    static AwsException networkAclNotFound(List<String> ids) {
        return notFound("InvalidNetworkAclID.NotFound", "networkAcl", ids);
    }

    static AwsException groupNotFound(String id) {
        return error("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
    }

    static AwsException groupNameNotFound(String name, String defaultVpcId) {
        return error("InvalidGroup.NotFound",
                "The security group '" + name + "' does not exist in default VPC '" + defaultVpcId + "'");
    }

    static AwsException ruleNotFound(String id) {
        return error("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + id + "' does not exist");
    }

    /** "The vpc ID 'vpc-1' does not exist", or "The vpc IDs 'vpc-1, vpc-2' do not exist" for several. */
    private static AwsException notFound(String code, String noun, List<String> ids) {
        String message = ids.size() == 1
                ? "The " + noun + " ID '" + ids.getFirst() + "' does not exist"
                : "The " + noun + " IDs '" + String.join(", ", ids) + "' do not exist";
        return error(code, message);
    }
}
