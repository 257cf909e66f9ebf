package io.berth.ec2;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/16, 10.0.0.0/16, 65536",
            "10.0.7.9/16, 10.0.0.0/16, 65536",
            "172.31.16.0/20, 172.31.16.0/20, 4096",
            "192.168.1.255/28, 192.168.1.240/28, 16",
            "0.0.0.0/0, 0.0.0.0/0, 4294967296",
            "255.255.255.255/32, 255.255.255.255/32, 1"})
    void parsesAndClearsHostBits(String text, String normalised, long size) {
        Cidr cidr = Cidr.parse(text).orElseThrow();

        assertThat(cidr).hasToString(normalised);
        assertThat(cidr.size()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.256/16", "10.0.0.0/33", "10.0.0/16", "a.b.c.d/8", "10.0.0.0/-1",
            " /16", "10.0.0.0/16/1", "1000.0.0.0/8", ""})
    void refusesWhatIsNotAnIpv4Block(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void containmentAndOverlap() {
        Cidr vpc = Cidr.parse("10.0.0.0/16").orElseThrow();
        Cidr subnet = Cidr.parse("10.0.1.0/24").orElseThrow();
        Cidr half = Cidr.parse("10.0.1.128/25").orElseThrow();
        Cidr neighbour = Cidr.parse("10.0.2.0/24").orElseThrow();
        Cidr outside = Cidr.parse("10.1.0.0/24").orElseThrow();

        assertThat(vpc.contains(subnet)).isTrue();
        assertThat(subnet.contains(vpc)).isFalse();
        assertThat(vpc.contains(outside)).isFalse();
        assertThat(subnet.overlaps(half)).isTrue();
        assertThat(half.overlaps(subnet)).isTrue();
        assertThat(subnet.overlaps(neighbour)).isFalse();
    }

    @Test
    void addressesByOffset() {
        Cidr subnet = Cidr.parse("10.0.1.0/24").orElseThrow();

        assertThat(subnet.address(1)).isEqualTo("10.0.1.1");
        assertThat(subnet.address(255)).isEqualTo("10.0.1.255");
        assertThat(subnet.offsetOf("10.0.1.42")).isEqualTo(42);
        assertThat(subnet.offsetOf("10.0.2.42")).isEqualTo(-1);
        assertThat(Cidr.parse("172.31.16.0/20").orElseThrow().address(260)).isEqualTo("172.31.17.4");
    }
}
