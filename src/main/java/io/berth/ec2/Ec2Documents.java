package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.edge.AwsException;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** One transaction's view of the EC2 state of an account and region. */
final class Ec2Documents {

    private static final String REGION_KIND = "ec2.region";
    private static final String REGION_ID = "defaults";
    private static final String FIREWALL_KIND = "ec2.firewall";
    private static final String FIREWALL_SCOPE = "global";
    private static final String FIREWALL_ID = "version";

    /** What a region remembers once its defaults exist: they are never made twice, even once deleted. */
    record RegionDefaults(String defaultVpcId, String dhcpOptionsId) implements StoredDocument {
    }

    private final Documents documents;
    private boolean firewallChanged;
    private final String accountId;
    private final String region;
    private final String scope;

    Ec2Documents(Documents documents, String accountId, String region) {
        this.documents = documents;
        this.accountId = accountId;
        this.region = region;
        this.scope = scope(accountId, region);
    }

    static String scope(String accountId, String region) {
        return accountId + "/" + region;
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    <T extends Tagged<T>> Optional<T> find(Ec2Kind<T> kind, String id) {
        return id == null ? Optional.empty() : kind.find(documents, scope, id);
    }

    <T extends Tagged<T>> List<T> all(Ec2Kind<T> kind) {
        return kind.all(documents, scope);
    }

    <T extends Tagged<T>> List<T> page(Ec2Kind<T> kind, String after, int limit) {
        return kind.page(documents, scope, after, limit);
    }

    /**
     * A Describe over one kind: every id the request names must exist (else {@code notFound} of
     * the missing ones), then the page of the resources it names that the filters keep.
     */
    <T extends Tagged<T>> Page<T> describe(Ec2Kind<T> kind, DescribeRequest request, Ec2Paging.Bounds bounds,
                                           Predicate<T> filters, Function<List<String>, AwsException> notFound) {
        List<String> missing = request.ids().stream().filter(id -> find(kind, id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw notFound.apply(missing);
        }
        return Ec2Paging.page(request, bounds, (after, size) -> page(kind, after, size),
                filters.and(r -> request.ids().isEmpty() || request.ids().contains(r.id())), Tagged::id);
    }

    <T extends Tagged<T>> void save(Ec2Kind<T> kind, T value) {
        kind.save(documents, scope, value);
    }

    <T extends Tagged<T>> void delete(Ec2Kind<T> kind, String id) {
        kind.delete(documents, scope, id);
    }

    StoredVpc vpc(String id) {
        return find(Ec2Kind.VPC, id).orElseThrow(() -> Ec2Errors.vpcNotFound(List.of(String.valueOf(id))));
    }

    StoredSubnet subnet(String id) {
        return find(Ec2Kind.SUBNET, id).orElseThrow(() -> Ec2Errors.subnetNotFound(List.of(String.valueOf(id))));
    }

    StoredSecurityGroup group(String id) {
        return find(Ec2Kind.SECURITY_GROUP, id).orElseThrow(() -> Ec2Errors.groupNotFound(String.valueOf(id)));
    }

    Optional<RegionDefaults> defaults() {
        return documents.get(REGION_KIND, scope, REGION_ID).map(json -> StoredJson.read(json, RegionDefaults.class));
    }

    void saveDefaults(RegionDefaults defaults) {
        documents.put(REGION_KIND, scope, REGION_ID, StoredJson.write(defaults));
    }

    /** The default VPC's id, or null once the account deleted it. */
    String defaultVpcId() {
        return defaults().map(RegionDefaults::defaultVpcId).filter(id -> find(Ec2Kind.VPC, id).isPresent())
                .orElse(null);
    }

    /** Records that what a firewall enforces (rules, or the members of groups) changed, in this transaction. */
    void firewallChanged() {
        firewallChanged = true;
        documents.put(FIREWALL_KIND, FIREWALL_SCOPE, FIREWALL_ID, Long.toString(firewallVersion(documents) + 1));
    }

    boolean changedFirewall() {
        return firewallChanged;
    }

    static long firewallVersion(Documents documents) {
        return documents.get(FIREWALL_KIND, FIREWALL_SCOPE, FIREWALL_ID).map(Long::parseLong).orElse(0L);
    }
}
