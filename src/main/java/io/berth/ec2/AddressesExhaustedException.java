package io.berth.ec2;

/**
 * A subnet has no free private address for another interface. ECS lets such a task stop with
 * {@link #reason()} as its stopped reason rather than failing RunTask.
 */
public final class AddressesExhaustedException extends RuntimeException {

    public static final String CODE = "InsufficientFreeAddressesInSubnet";

    private final String subnetId;

    public AddressesExhaustedException(String subnetId) {
        super(CODE + ": The specified subnet " + subnetId
                + " does not have enough free addresses to satisfy the request.", null, false, false);
        this.subnetId = subnetId;
    }

    public String subnetId() {
        return subnetId;
    }

    /** The task's stopped reason, as ECS gives it. */
    public String reason() {
        return getMessage();
    }
}
