package io.berth.ec2;

import io.berth.kit.Scope;
import io.berth.kit.ServiceContext;

import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * EC2's service context: transactions on one account and region, which first give a region
 * seen for the first time the default VPC every new AWS account has there (and the VPCs an
 * older Berth stored what they lack), and a listener told of every change firewalls enforce. The
 * scopes known to have their defaults live in a concurrent set that only grows, so the check
 * costs no store read after the first.
 */
final class Ec2State {

    private final ServiceContext<Ec2Ids> context;
    private final Runnable firewallListener;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    /** {@code firewallListener} runs after each committed write that changed what firewalls enforce. */
    Ec2State(ServiceContext<Ec2Ids> context, Runnable firewallListener) {
        this.context = context;
        this.firewallListener = firewallListener;
    }

    Ec2Ids ids() {
        return context.ids();
    }

    InstantSource clock() {
        return context.clock();
    }

    <T> T read(String accountId, String region, Function<Ec2Documents, T> work) {
        String scope = new Scope(accountId, region).key();
        if (!provisioned.contains(scope)) {
            write(accountId, region, documents -> null);
        }
        return context.read(documents -> work.apply(new Ec2Documents(documents, accountId, region)));
    }

    <T> T write(String accountId, String region, Function<Ec2Documents, T> work) {
        String scope = new Scope(accountId, region).key();
        boolean[] firewallChanged = {false};
        T result = context.write(documents -> {
            Ec2Documents ec2 = new Ec2Documents(documents, accountId, region);
            if (!provisioned.contains(scope)) {
                if (ec2.defaults().isEmpty()) {
                    DefaultVpc.create(ec2, context.ids());
                } else {
                    Vpcs.completeStoredVpcs(ec2, context.ids());
                }
            }
            T done = work.apply(ec2);
            firewallChanged[0] = ec2.changedFirewall();
            return done;
        });
        provisioned.add(scope);
        if (firewallChanged[0]) {
            firewallListener.run();
        }
        return result;
    }

    long firewallVersion() {
        return context.read(Ec2Documents::firewallVersion);
    }
}
