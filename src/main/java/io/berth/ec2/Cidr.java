package io.berth.ec2;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block, held as its network address (host bits cleared, as EC2 stores VPC and
 * subnet blocks) and prefix length. Addresses are unsigned 32-bit values in a long.
 */
record Cidr(long network, int prefixLength) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** The block {@code text} names, or empty when it is not {@code a.b.c.d/n} with octets ≤ 255 and n ≤ 32. */
    static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = address << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address & mask(prefix), prefix));
    }

    long size() {
        return 1L << (32 - prefixLength);
    }

    boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && (other.network & mask(prefixLength)) == network;
    }

    boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The address {@code offset} places into the block, e.g. offset 1 of 10.0.0.0/24 is 10.0.0.1. */
    String address(long offset) {
        return dotted(network + offset);
    }

    /** Where {@code address} lies in the block, or -1 when it lies outside. */
    long offsetOf(String address) {
        Optional<Cidr> host = parse(address + "/32");
        if (host.isEmpty() || !contains(host.get())) {
            return -1;
        }
        return host.get().network - network;
    }

    @Override
    public String toString() {
        return dotted(network) + "/" + prefixLength;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String dotted(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
