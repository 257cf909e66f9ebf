package io.berth.ec2;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** EC2's identifiers: {@code vpc-} and friends with 17 hex digits, locally administered MACs, ECS attachment UUIDs. */
final class Ec2Ids {

    private final RandomGenerator random;

    Ec2Ids(RandomGenerator random) {
        this.random = random;
    }

    static Ec2Ids random() {
        return new Ec2Ids(new SecureRandom());
    }

    /** e.g. {@code vpc-0a1b2c3d4e5f67890}: the prefix, a dash and 17 lowercase hex digits. */
    String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 17; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }

    /** A unicast, locally administered MAC address ({@code 02:xx:xx:xx:xx:xx}), as AWS gives ENIs. */
    String macAddress() {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        return "02:" + HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
