package io.berth.elb.dataplane;

import java.util.regex.Pattern;

/** A registered target of an ip target group: an address in the VPC and a port. */
public record Target(String ip, int port) {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    public Target {
        if (!IPV4.matcher(ip).matches()) {
            throw new IllegalArgumentException("target " + ip + " is not an IPv4 address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target port " + port + " is not 1-65535");
        }
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
