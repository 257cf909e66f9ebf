package io.berth.ec2;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A subnet's private addresses as interfaces take them, the same for a task's interface and one a
 * user creates: the first four (network, VPC router, DNS, one kept for future use) and the last
 * (broadcast) are AWS's; every other address belongs to at most one interface.
 */
final class SubnetAddresses {

    private static final int FIRST_USABLE = 4;

    private SubnetAddresses() {
    }

    /**
     * The lowest free address of {@code subnet}.
     *
     * @throws AddressesExhaustedException when the subnet has none
     */
    static String lowestFree(StoredSubnet subnet, List<StoredInterface> interfaces) {
        Cidr cidr = subnet.cidr();
        Set<Long> used = new HashSet<>();
        inSubnet(subnet, interfaces).forEach(i -> used.add(cidr.offsetOf(i.privateIpAddress())));
        for (long offset = FIRST_USABLE; offset < cidr.size() - 1; offset++) {
            if (!used.contains(offset)) {
                return cidr.address(offset);
            }
        }
        throw new AddressesExhaustedException(subnet.subnetId());
    }

    /** {@code address}, normalised, once it is a free address of the subnet that AWS does not keep; EC2's error otherwise. */
    static String requested(StoredSubnet subnet, String address, List<StoredInterface> interfaces) {
        Optional<Cidr> host = Cidr.parse(address + "/32");
        if (host.isEmpty()) {
            throw Ec2Errors.invalidParameterValue("Value (" + address
                    + ") for parameter privateIpAddress is invalid. Invalid format for IPv4 address.");
        }
        Cidr cidr = subnet.cidr();
        String normalised = host.get().address(0);
        long offset = cidr.offsetOf(normalised);
        if (offset < 0) {
            throw Ec2Errors.invalidParameterValue("Address does not fall within the subnet's address range");
        }
        if (offset < FIRST_USABLE || offset == cidr.size() - 1) {
            throw Ec2Errors.invalidParameterValue("Address is in subnet's reserved address range");
        }
        if (inSubnet(subnet, interfaces).anyMatch(i -> i.privateIpAddress().equals(normalised))) {
            throw Ec2Errors.error("InvalidIPAddress.InUse", "Address " + normalised + " is in use.");
        }
        return normalised;
    }

    /** A MAC address no interface of the region has yet. */
    static String newMacAddress(Ec2Ids ids, List<StoredInterface> interfaces) {
        Set<String> macs = interfaces.stream().map(StoredInterface::macAddress).collect(Collectors.toSet());
        String mac = ids.macAddress();
        while (macs.contains(mac)) {
            mac = ids.macAddress();
        }
        return mac;
    }

    /** ip-10-0-1-5.ec2.internal in us-east-1, ip-10-0-1-5.REGION.compute.internal elsewhere. */
    static String dnsName(String region, String address) {
        String host = "ip-" + address.replace('.', '-');
        return "us-east-1".equals(region) ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }

    static String gateway(StoredSubnet subnet) {
        return subnet.cidr().address(1);
    }

    private static Stream<StoredInterface> inSubnet(StoredSubnet subnet, List<StoredInterface> interfaces) {
        return interfaces.stream().filter(i -> i.subnetId().equals(subnet.subnetId()));
    }
}
