package io.berth.kit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An Amazon Resource Name, {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, taken apart
 * once instead of split by hand. REGION and ACCOUNT may be empty (IAM has no region, S3 buckets no
 * account); RESOURCE keeps its colons and slashes.
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {

    /** The only partition Berth serves. */
    public static final String PARTITION = "aws";

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
    }

    /** The parts of a well-formed ARN: six colon-separated fields, with a partition, service and resource. */
    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** A well-formed ARN, or the error the service answers a malformed one with. */
    public static Arn parse(String text, Function<String, ? extends RuntimeException> malformed) {
        return parse(text).orElseThrow(() -> malformed.apply(text));
    }

    /**
     * The resource type: what comes before the first {@code /} or {@code :} of the resource
     * ({@code cluster} of {@code cluster/prod}, {@code log-group} of {@code log-group:app:*}), or
     * "" when the resource has neither.
     */
    public String resourceType() {
        int separator = separator();
        return separator < 0 ? "" : resource.substring(0, separator);
    }

    /** What follows the resource type and its separator; the whole resource when it has no type. */
    public String resourceId() {
        return resource.substring(separator() + 1);
    }

    /**
     * Whether {@code text} claims to be an ARN of {@code service} in Berth's partition (starts
     * {@code arn:aws:SERVICE:}), well formed or not: what tells a "name or ARN" member's ARN from a
     * name, before the ARN itself is judged.
     */
    public static boolean claims(String text, String service) {
        return text.startsWith("arn:" + PARTITION + ":" + service + ":");
    }

    /** Whether this ARN is of {@code service} in Berth's partition. */
    public boolean isOf(String service) {
        return partition.equals(PARTITION) && this.service.equals(service);
    }

    private int separator() {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0 || colon < 0) {
            return Math.max(slash, colon);
        }
        return Math.min(slash, colon);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
