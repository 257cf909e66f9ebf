package io.berth.elb.dataplane;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The load balancer data plane seam: serves each load balancer as the ELBv2 API describes it.
 * Level-driven and idempotent, as a reconciler wants it: {@link #apply} converges on the whole
 * desired state (interfaces, security groups, listeners, rules, target groups and targets) and
 * may be called again at any time, also by a new process after Berth restarted, which adopts
 * what is running. {@link HaproxyDataPlane} does it with one HAProxy per load balancer.
 */
public interface LoadBalancerDataPlane {

    /**
     * Makes the load balancer serve as described: starts it when not running, applies listener
     * and rule changes without dropping a request, registers new targets (they take traffic once
     * their health checks pass) and drains the targets no longer listed, ending each drain after
     * its group's deregistration delay or once its connections are gone.
     *
     * @return when to call again, while targets drain (the end of a drain needs a call)
     */
    Optional<Instant> apply(LoadBalancer loadBalancer);

    /**
     * The health of every target the load balancer's groups hold, draining ones included, as
     * DescribeTargetHealth reports it; each target is {@code unavailable} when the load balancer
     * is not running.
     */
    List<TargetHealth> targetHealth(LoadBalancer loadBalancer);

    /** Stops the load balancer and removes everything it made; nothing when it is not there. */
    void remove(String loadBalancerId);

    /** The ids of the load balancers found on this host, running or half made, for clean-up after a restart. */
    Set<String> present();
}
