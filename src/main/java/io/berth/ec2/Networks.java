package io.berth.ec2;

import io.berth.ec2.Ec2Messages.GroupIdentifier;
import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;
import io.berth.edge.AwsException;
import io.berth.kit.Scope;
import io.berth.kit.ServiceContext;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * EC2 networking for code inside Berth: the ECS task launcher validates a task's awsvpc
 * configuration and takes an interface (address, MAC, ENI) for it; the network data plane reads
 * interfaces and security groups, and polls {@link #rulesVersion()} to notice changes. The state
 * is the one the EC2 API serves: what is allocated here, DescribeNetworkInterfaces shows.
 */
public final class Networks {

    private static final String INVALID_PARAMETER = "InvalidParameterException";
    /** Fargate's interfaces show their attachments as ela-attach-…, which EC2 lets no user manage. */
    static final String TASK_ATTACHMENT_PREFIX = "ela-attach";

    private final Ec2State state;

    /** Interfaces taken and returned here change groups' members: the caller syncs firewalls after each. */
    public Networks(Store store, InstantSource clock) {
        this.state = new Ec2State(ServiceContext.of(store, clock, Ec2Ids.random()), () -> { });
    }

    /**
     * Checks subnets and security groups as ECS RunTask does, answering its
     * InvalidParameterException. No groups means the VPC's default group. The subnet chosen is
     * the first, in the order given, with a free address (the first when all are full).
     */
    public ResolvedNetwork resolveForTask(String accountId, String region, List<String> subnetIds,
                                          List<String> securityGroupIds) {
        if (subnetIds.isEmpty()) {
            throw new AwsException(INVALID_PARAMETER, 400, "subnets can not be empty.");
        }
        return state.read(accountId, region, ec2 -> {
            List<StoredSubnet> subnets = subnets(ec2, subnetIds);
            if (subnets.stream().map(StoredSubnet::vpcId).distinct().count() > 1) {
                throw new AwsException(INVALID_PARAMETER, 400, "Subnets can not be in different VPCs");
            }
            StoredVpc vpc = ec2.vpc(subnets.getFirst().vpcId());
            List<String> groupIds = securityGroupIds.isEmpty()
                    ? List.of(defaultGroup(ec2, vpc.vpcId()).groupId())
                    : groups(ec2, securityGroupIds, vpc.vpcId()).stream().map(StoredSecurityGroup::groupId).toList();
            Function<StoredSubnet, Ec2Messages.SubnetView> views = Subnets.views(ec2);
            StoredSubnet chosen = subnets.stream().filter(s -> views.apply(s).availableIpAddressCount() > 0)
                    .findFirst().orElse(subnets.getFirst());
            return new ResolvedNetwork(vpc.vpcId(), vpc.cidrBlock(), chosen.subnetId(), chosen.cidrBlock(),
                    chosen.availabilityZone(), SubnetAddresses.gateway(chosen), groupIds);
        });
    }

    /**
     * Takes the lowest free private address of the network's subnet (never one of the five AWS
     * reserves) and records the interface, in use by {@code taskArn} for the ECS attachment
     * {@code ecsAttachmentId}. A null description is ECS's, the attachment's ARN. A task that
     * already has an interface gets that one again, so a launch repeated after a crash takes no
     * second address.
     *
     * @throws AddressesExhaustedException when the subnet has no free address
     */
    public Eni allocate(String accountId, String region, ResolvedNetwork network, String taskArn,
                        String ecsAttachmentId, String description) {
        return state.write(accountId, region, ec2 -> {
            List<StoredInterface> existing = ec2.all(Ec2Kind.NETWORK_INTERFACE);
            Optional<StoredInterface> taken = existing.stream().filter(i -> taskArn.equals(i.taskArn())).findFirst();
            if (taken.isPresent()) {
                return view(taken.get(), ec2.subnet(taken.get().subnetId()), ec2.vpc(taken.get().vpcId()));
            }
            StoredSubnet subnet = subnets(ec2, List.of(network.subnetId())).getFirst();
            StoredVpc vpc = ec2.vpc(subnet.vpcId());
            List<StoredSecurityGroup> groups = groups(ec2, network.securityGroupIds(), vpc.vpcId());
            String address = SubnetAddresses.lowestFree(subnet, existing);
            Ec2Ids ids = state.ids();
            StoredInterface eni = new StoredInterface(ids.next("eni"), accountId, subnet.subnetId(), vpc.vpcId(),
                    subnet.availabilityZone(), address, SubnetAddresses.dnsName(region, address),
                    SubnetAddresses.newMacAddress(ids, existing),
                    groups.stream().map(g -> new GroupIdentifier(g.groupId(), g.groupName())).toList(),
                    description != null ? description
                            : new Scope(accountId, region).arn("ecs", "attachment/" + ecsAttachmentId).toString(),
                    ids.next(TASK_ATTACHMENT_PREFIX), state.clock().instant(), ecsAttachmentId, taskArn, true, null,
                    List.of());
            ec2.save(Ec2Kind.NETWORK_INTERFACE, eni);
            ec2.firewallChanged();
            return view(eni, subnet, vpc);
        });
    }

    /**
     * Deletes the task's interface, returning its address to the subnet; a task without one is no
     * error. Answers whether the interface's VPC still has tasks' interfaces (its bridge is still
     * needed: interfaces users created are never wired).
     */
    public boolean release(String accountId, String region, String taskArn) {
        return state.write(accountId, region, ec2 -> {
            List<StoredInterface> all = ec2.all(Ec2Kind.NETWORK_INTERFACE);
            Optional<StoredInterface> owned = all.stream().filter(i -> taskArn.equals(i.taskArn())).findFirst();
            if (owned.isEmpty()) {
                return true;
            }
            ec2.delete(Ec2Kind.NETWORK_INTERFACE, owned.get().networkInterfaceId());
            ec2.firewallChanged();
            return all.stream().anyMatch(i -> i != owned.get() && i.requesterManaged()
                    && i.vpcId().equals(owned.get().vpcId()));
        });
    }

    /** Tasks' interfaces; those users created are never wired. */
    public List<Eni> interfaces(String accountId, String region) {
        return state.read(accountId, region, ec2 -> {
            Map<String, StoredSubnet> subnets = ec2.all(Ec2Kind.SUBNET).stream()
                    .collect(Collectors.toMap(StoredSubnet::subnetId, Function.identity()));
            Map<String, StoredVpc> vpcs = ec2.all(Ec2Kind.VPC).stream()
                    .collect(Collectors.toMap(StoredVpc::vpcId, Function.identity()));
            return ec2.all(Ec2Kind.NETWORK_INTERFACE).stream().filter(StoredInterface::requesterManaged)
                    .map(i -> view(i, subnets.get(i.subnetId()), vpcs.get(i.vpcId()))).toList();
        });
    }

    /** A security group's rules and members, or empty when there is no such group. */
    public Optional<SecurityGroupView> group(String accountId, String region, String groupId) {
        return state.read(accountId, region, ec2 -> ec2.find(Ec2Kind.SECURITY_GROUP, groupId).map(group ->
                new SecurityGroupView(group.groupId(), group.vpcId(), rules(group, false), rules(group, true),
                        ec2.all(Ec2Kind.NETWORK_INTERFACE).stream()
                                .filter(i -> i.groupIds().contains(groupId))
                                .map(StoredInterface::privateIpAddress).toList())));
    }

    /**
     * A number that grows whenever what a firewall enforces may have changed (a rule, a group, an
     * interface joining or leaving its groups) in any account and region; it survives restarts.
     */
    public long rulesVersion() {
        return state.firewallVersion();
    }

    private static List<StoredSubnet> subnets(Ec2Documents ec2, List<String> subnetIds) {
        List<String> missing = subnetIds.stream().filter(id -> ec2.find(Ec2Kind.SUBNET, id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw retrieving("subnet", subnetIds, Ec2Errors.subnetNotFound(missing));
        }
        return subnetIds.stream().map(ec2::subnet).toList();
    }

    private static List<StoredSecurityGroup> groups(Ec2Documents ec2, List<String> groupIds, String vpcId) {
        List<StoredSecurityGroup> groups = new ArrayList<>();
        for (String id : new LinkedHashSet<>(groupIds)) {
            StoredSecurityGroup group = ec2.find(Ec2Kind.SECURITY_GROUP, id)
                    .orElseThrow(() -> retrieving("security group", groupIds, Ec2Errors.groupNotFound(id)));
            if (!group.vpcId().equals(vpcId)) {
                throw retrieving("security group", groupIds, Ec2Errors.error("InvalidGroup.NotFound",
                        "The security group '" + id + "' does not exist in VPC '" + vpcId + "'"));
            }
            groups.add(group);
        }
        return groups;
    }

    private static StoredSecurityGroup defaultGroup(Ec2Documents ec2, String vpcId) {
        return ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.defaultGroup()).findFirst().orElseThrow();
    }

    /** ECS's wording for an EC2 error met while checking a task's network configuration. */
    private static AwsException retrieving(String what, List<String> ids, AwsException cause) {
        return new AwsException(INVALID_PARAMETER, 400, "Error retrieving " + what + " information for ["
                + String.join(", ", ids) + "]: " + cause.getMessage() + " (ErrorCode: " + cause.code() + ")");
    }

    private static Eni view(StoredInterface eni, StoredSubnet subnet, StoredVpc vpc) {
        return new Eni(eni.networkInterfaceId(), eni.ecsAttachmentId(), eni.taskArn(), vpc.vpcId(), vpc.cidrBlock(),
                subnet.subnetId(), subnet.cidrBlock(), eni.availabilityZone(), eni.privateIpAddress(), SubnetAddresses.gateway(subnet),
                eni.macAddress(), eni.privateDnsName(), eni.groupIds());
    }

    private static List<SecurityGroupView.Rule> rules(StoredSecurityGroup group, boolean egress) {
        List<SecurityGroupView.Rule> rules = new ArrayList<>();
        for (IpPermission p : Permissions.permissions(group.rules(egress), group.ownerId())) {
            rules.add(new SecurityGroupView.Rule(p.ipProtocol(), p.fromPort() == null ? -1 : p.fromPort(),
                    p.toPort() == null ? -1 : p.toPort(), p.ipRanges().stream().map(IpRange::cidrIp).toList(),
                    p.groups().stream().map(UserIdGroupPair::groupId).toList()));
        }
        return rules;
    }
}
