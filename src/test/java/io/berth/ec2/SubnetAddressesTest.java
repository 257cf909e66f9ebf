package io.berth.ec2;

import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetAddressesTest {

    private static final StoredSubnet SUBNET = new StoredSubnet("subnet-1", "arn", "123456789012", "vpc-1",
            "10.0.1.0/28", "us-east-1a", "use1-az1", false, false, false, null, List.of());
    private static final StoredSubnet OTHER = new StoredSubnet("subnet-2", "arn", "123456789012", "vpc-1",
            "10.0.2.0/28", "us-east-1a", "use1-az1", false, false, false, null, List.of());

    private static StoredInterface eni(StoredSubnet subnet, String address) {
        return new StoredInterface("eni-" + address, "123456789012", subnet.subnetId(), "vpc-1", "us-east-1a", address,
                "dns", "02:00:00:00:00:01", List.of(), "", null, null, null, null, null, null, List.of());
    }

    @Test
    void theLowestFreeAddressSkipsAwssAndTakenOnesOfTheSameSubnet() {
        assertThat(SubnetAddresses.lowestFree(SUBNET, List.of())).isEqualTo("10.0.1.4");
        assertThat(SubnetAddresses.lowestFree(SUBNET, List.of(eni(SUBNET, "10.0.1.4"), eni(SUBNET, "10.0.1.6"),
                eni(OTHER, "10.0.2.5")))).isEqualTo("10.0.1.5");
    }

    @Test
    void aFullSubnetHasNoFreeAddress() {
        List<StoredInterface> taken = new ArrayList<>();
        for (int host = 4; host <= 14; host++) {
            taken.add(eni(SUBNET, "10.0.1." + host));
        }
        assertThatThrownBy(() -> SubnetAddresses.lowestFree(SUBNET, taken))
                .isInstanceOf(AddressesExhaustedException.class)
                .hasMessageContaining("subnet-1 does not have enough free addresses");
    }

    @Test
    void aRequestedAddressIsNormalisedWhenFree() {
        assertThat(SubnetAddresses.requested(SUBNET, "10.0.1.014", List.of(eni(OTHER, "10.0.2.14"))))
                .isEqualTo("10.0.1.14");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.2.4   | InvalidParameterValue  | Address does not fall within the subnet's address range",
            "10.0.1.0   | InvalidParameterValue  | Address is in subnet's reserved address range",
            "10.0.1.3   | InvalidParameterValue  | Address is in subnet's reserved address range",
            "10.0.1.15  | InvalidParameterValue  | Address is in subnet's reserved address range",
            "10.0.1.9   | InvalidIPAddress.InUse | Address 10.0.1.9 is in use.",
            "10.0.1.256 | InvalidParameterValue  | Value (10.0.1.256) for parameter privateIpAddress is invalid. Invalid format for IPv4 address.",
            "nonsense   | InvalidParameterValue  | Value (nonsense) for parameter privateIpAddress is invalid. Invalid format for IPv4 address."})
    void requestedAddressesAreCheckedAsEc2ChecksThem(String address, String code, String message) {
        assertThatThrownBy(() -> SubnetAddresses.requested(SUBNET, address, List.of(eni(SUBNET, "10.0.1.9"))))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void dnsNamesFollowTheRegion() {
        assertThat(SubnetAddresses.dnsName("us-east-1", "10.0.1.4")).isEqualTo("ip-10-0-1-4.ec2.internal");
        assertThat(SubnetAddresses.dnsName("eu-west-1", "10.0.1.4"))
                .isEqualTo("ip-10-0-1-4.eu-west-1.compute.internal");
    }
}
