package io.berth.ec2;

import io.berth.store.Store;

import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The store as EC2 code uses it: transactions on one account and region, which first give a
 * region seen for the first time the default VPC every new AWS account has there (and the VPCs
 * an older Berth stored what they lack). The scopes known to have their defaults live in a
 * concurrent set that only grows, so the check costs no store read after the first.
 */
final class Ec2State {

    private final Store store;
    private final Ec2Ids ids;
    private final InstantSource clock;
    private final Runnable firewallListener;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    /** {@code firewallListener} runs after each committed write that changed what firewalls enforce. */
    Ec2State(Store store, Ec2Ids ids, InstantSource clock, Runnable firewallListener) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.firewallListener = firewallListener;
    }

    Ec2Ids ids() {
        return ids;
    }

    InstantSource clock() {
        return clock;
    }

    <T> T read(String accountId, String region, Function<Ec2Documents, T> work) {
        String scope = Ec2Documents.scope(accountId, region);
        if (!provisioned.contains(scope)) {
            write(accountId, region, documents -> null);
        }
        return store.read(documents -> work.apply(new Ec2Documents(documents, accountId, region)));
    }

    <T> T write(String accountId, String region, Function<Ec2Documents, T> work) {
        String scope = Ec2Documents.scope(accountId, region);
        boolean[] firewallChanged = {false};
        T result = store.write(documents -> {
            Ec2Documents ec2 = new Ec2Documents(documents, accountId, region);
            if (!provisioned.contains(scope)) {
                if (ec2.defaults().isEmpty()) {
                    DefaultVpc.create(ec2, ids);
                } else {
                    Vpcs.completeStoredVpcs(ec2, ids);
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
        return store.read(Ec2Documents::firewallVersion);
    }
}
