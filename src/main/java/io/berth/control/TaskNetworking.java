package io.berth.control;

import io.berth.ec2.Eni;
import io.berth.ec2.Networks;
import io.berth.ec2.SecurityGroupView;
import io.berth.ecs.StoredTask;
import io.berth.ecs.TaskLifecycle;
import io.berth.net.Attachment;
import io.berth.net.FirewallRule;
import io.berth.net.NetworkException;
import io.berth.net.TaskNetwork;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tasks' awsvpc interfaces, between the EC2 state ({@link Networks}: addresses, groups) and the
 * data plane ({@link TaskNetwork}). Attaching and releasing hold one lock, so a VPC's bridge is
 * never removed while another task is being wired onto it. Firewalls follow the EC2 rules
 * version: when it moved since the last sync (or on start, after a restart) every wired task's
 * ruleset is rebuilt and replaced; only the controller's loop thread syncs.
 */
final class TaskNetworking {

    private static final Logger log = LoggerFactory.getLogger(TaskNetworking.class);
    private static final Set<String> WIRED_STATUSES = Set.of("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING",
            "DEACTIVATING", "STOPPING");

    private final Networks networks;
    private final TaskNetwork dataPlane;
    private final ContainerRuntime runtime;
    private final ReentrantLock wiring = new ReentrantLock();
    private long syncedVersion = -1;

    TaskNetworking(Networks networks, TaskNetwork dataPlane, ContainerRuntime runtime) {
        this.networks = networks;
        this.dataPlane = dataPlane;
        this.runtime = runtime;
    }

    /**
     * Takes the task's address (or the one it already has) and wires it into the sandbox. The
     * firewall goes in at the same time, before any of the task's containers starts; the groups'
     * new member (this task) reaches every firewall with the next sync.
     */
    Eni attach(StoredTask task, String sandboxId) {
        long started = System.nanoTime();
        String attachmentId = TaskLifecycle.networkAttachment(task).orElseThrow().id();
        String namespace = runtime.networkNamespace(sandboxId);
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> firewall = parallel.submit(() -> applyFirewall(task, namespace, new HashMap<>()));
            Eni eni;
            wiring.lock();
            try {
                eni = networks.allocate(task.accountId(), task.region(), task.network(), task.task().taskArn(),
                        attachmentId, null);
                dataPlane.attach(new Attachment(task.id(), namespace, eni.vpcId(), eni.vpcCidr(),
                        eni.privateIpv4Address(), eni.prefixLength(), eni.gateway(), eni.macAddress()));
            } finally {
                wiring.unlock();
            }
            awaitFirewall(firewall);
            log.info("task={} eni={} address={} wired in {} ms", task.task().taskArn(), eni.networkInterfaceId(),
                    eni.privateIpv4Address(), (System.nanoTime() - started) / 1_000_000);
            return eni;
        }
    }

    private static void awaitFirewall(Future<?> firewall) {
        try {
            firewall.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted applying a firewall");
        }
    }

    /** Returns the task's address; the VPC's bridge goes with its last interface. */
    void release(StoredTask task) {
        wiring.lock();
        try {
            dataPlane.detach(task.id());
            if (!networks.release(task.accountId(), task.region(), task.task().taskArn())) {
                dataPlane.removeBridge(task.network().vpcId());
            }
        } finally {
            wiring.unlock();
        }
    }

    /** Rebuilds every wired task's firewall when the rules (or the groups' members) changed since the last sync. */
    void syncFirewalls(List<StoredTask> tasks) {
        long version = networks.rulesVersion();
        if (version == syncedVersion) {
            return;
        }
        Map<String, Optional<SecurityGroupView>> groups = new HashMap<>();
        for (StoredTask task : tasks) {
            boolean wired = task.network() != null && task.sandboxId() != null
                    && WIRED_STATUSES.contains(task.task().lastStatus())
                    && TaskLifecycle.networkAttachment(task).filter(a -> "ATTACHED".equals(a.status())).isPresent();
            if (!wired) {
                continue;
            }
            try {
                applyFirewall(task, runtime.networkNamespace(task.sandboxId()), groups);
            } catch (RuntimeUnavailableException | NetworkException e) {
                log.warn("task={} firewall not applied: {}", task.task().taskArn(), e.getMessage());
            }
        }
        syncedVersion = version;
    }

    private void applyFirewall(StoredTask task, String namespace, Map<String, Optional<SecurityGroupView>> groups) {
        List<FirewallRule> ingress = new ArrayList<>();
        List<FirewallRule> egress = new ArrayList<>();
        for (String groupId : task.network().securityGroupIds()) {
            group(task, groupId, groups).ifPresent(group -> {
                group.ingress().forEach(rule -> ingress.add(resolve(task, rule, groups)));
                group.egress().forEach(rule -> egress.add(resolve(task, rule, groups)));
            });
        }
        dataPlane.applyFirewall(namespace, ingress, egress);
    }

    /** A rule with its source groups replaced by their members' addresses. */
    private FirewallRule resolve(StoredTask task, SecurityGroupView.Rule rule,
                                 Map<String, Optional<SecurityGroupView>> groups) {
        List<String> peers = new ArrayList<>(rule.cidrs());
        for (String source : rule.sourceGroupIds()) {
            group(task, source, groups).ifPresent(g -> g.memberAddresses().forEach(a -> peers.add(a + "/32")));
        }
        return new FirewallRule(rule.protocol(), rule.fromPort(), rule.toPort(), peers);
    }

    private Optional<SecurityGroupView> group(StoredTask task, String groupId,
                                              Map<String, Optional<SecurityGroupView>> groups) {
        return groups.computeIfAbsent(task.accountId() + "/" + task.region() + "/" + groupId,
                key -> networks.group(task.accountId(), task.region(), groupId));
    }
}
