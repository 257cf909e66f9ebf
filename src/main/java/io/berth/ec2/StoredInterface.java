package io.berth.ec2;

import io.berth.store.StoredTag;

import java.time.Instant;
import java.util.List;

/**
 * An elastic network interface. A task's (it has a {@code taskArn}) is requester-managed and in
 * use from creation, attached at device index 1 as Fargate's are: {@code attachmentId} is EC2's
 * attachment id, {@code ecsAttachmentId} the UUID of the ECS task attachment it belongs to. One a
 * user created has neither and stays available, as Berth has no instances to attach it to.
 * {@code clientToken} is the CreateNetworkInterface idempotency token it was made with, if any.
 * An interface stored before Berth kept source/destination checking has it on, as EC2 starts it.
 */
record StoredInterface(String networkInterfaceId, String ownerId, String subnetId, String vpcId,
                       String availabilityZone, String privateIpAddress, String privateDnsName, String macAddress,
                       List<Group> groups, String description, String attachmentId, Instant attachTime,
                       String ecsAttachmentId, String taskArn, Boolean sourceDestCheck, ClientToken clientToken,
                       List<StoredTag> tags) implements Tagged<StoredInterface> {

    static final String INTERFACE_TYPE = "interface";
    static final String ATTACHMENT_STATUS = "attached";
    /** Who owns the "instance" a Fargate task's interface is attached to. */
    static final String INSTANCE_OWNER = "amazon-aws";
    /**
     * Fargate's interfaces name an AWS-owned account as their requester, not the user's; which
     * account varies on AWS, so this is one 12-digit id standing for it.
     */
    static final String TASK_REQUESTER_ID = "578734482556";

    StoredInterface {
        groups = List.copyOf(groups);
        if (sourceDestCheck == null) {
            sourceDestCheck = true;
        }
    }

    /** A security group the interface is in, with its name as it was when it joined. */
    record Group(String groupId, String groupName) {
        static Group of(StoredSecurityGroup group) {
            return new Group(group.groupId(), group.groupName());
        }
    }

    /** A CreateNetworkInterface token and what the request that used it asked for. */
    record ClientToken(String token, String request) {
    }

    @Override
    public String id() {
        return networkInterfaceId;
    }

    @Override
    public StoredInterface withTags(List<StoredTag> newTags) {
        return new StoredInterface(networkInterfaceId, ownerId, subnetId, vpcId, availabilityZone, privateIpAddress,
                privateDnsName, macAddress, groups, description, attachmentId, attachTime, ecsAttachmentId, taskArn,
                sourceDestCheck, clientToken, newTags);
    }

    StoredInterface withGroups(List<Group> newGroups) {
        return new StoredInterface(networkInterfaceId, ownerId, subnetId, vpcId, availabilityZone, privateIpAddress,
                privateDnsName, macAddress, newGroups, description, attachmentId, attachTime, ecsAttachmentId, taskArn,
                sourceDestCheck, clientToken, tags);
    }

    StoredInterface withDescription(String newDescription) {
        return new StoredInterface(networkInterfaceId, ownerId, subnetId, vpcId, availabilityZone, privateIpAddress,
                privateDnsName, macAddress, groups, newDescription, attachmentId, attachTime, ecsAttachmentId, taskArn,
                sourceDestCheck, clientToken, tags);
    }

    StoredInterface withSourceDestCheck(boolean value) {
        return new StoredInterface(networkInterfaceId, ownerId, subnetId, vpcId, availabilityZone, privateIpAddress,
                privateDnsName, macAddress, groups, description, attachmentId, attachTime, ecsAttachmentId, taskArn,
                value, clientToken, tags);
    }

    /** Whether Berth made the interface for a task; the user can neither change nor delete it. */
    boolean requesterManaged() {
        return taskArn != null;
    }

    /** {@code in-use} while attached (a task's always is), else {@code available}. */
    String status() {
        return requesterManaged() ? "in-use" : "available";
    }

    String requesterId() {
        return requesterManaged() ? TASK_REQUESTER_ID : null;
    }

    List<String> groupIds() {
        return groups.stream().map(Group::groupId).toList();
    }
}
