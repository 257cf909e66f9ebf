package io.berth.ec2;

import io.berth.ec2.Ec2Messages.GroupIdentifier;
import io.berth.ec2.Ec2Messages.Tag;

import java.time.Instant;
import java.util.List;

/**
 * A task's elastic network interface: requester-managed, in use from creation, attached at
 * device index 1 as Fargate's are. {@code attachmentId} is EC2's eni-attach id;
 * {@code ecsAttachmentId} the UUID of the ECS task attachment it belongs to.
 */
record StoredInterface(String networkInterfaceId, String ownerId, String subnetId, String vpcId,
                       String availabilityZone, String privateIpAddress, String privateDnsName, String macAddress,
                       List<GroupIdentifier> groups, String description, String attachmentId, Instant attachTime,
                       String ecsAttachmentId, String taskArn, List<Tag> tags) implements Tagged<StoredInterface> {

    static final String STATUS = "in-use";
    static final String INTERFACE_TYPE = "interface";
    static final String ATTACHMENT_STATUS = "attached";
    /** Who owns the "instance" a Fargate task's interface is attached to. */
    static final String INSTANCE_OWNER = "amazon-aws";

    @Override
    public String id() {
        return networkInterfaceId;
    }

    @Override
    public StoredInterface withTags(List<Tag> newTags) {
        return new StoredInterface(networkInterfaceId, ownerId, subnetId, vpcId, availabilityZone, privateIpAddress,
                privateDnsName, macAddress, groups, description, attachmentId, attachTime, ecsAttachmentId, taskArn,
                newTags);
    }

    List<String> groupIds() {
        return groups.stream().map(GroupIdentifier::groupId).toList();
    }
}
