package io.berth.elb;

import io.berth.kit.PageTokens;
import io.berth.edge.RequestContext;
import io.berth.elb.ElbMessages.Action;
import io.berth.elb.ElbMessages.CreateListenerRequest;
import io.berth.elb.ElbMessages.DescribeListenersRequest;
import io.berth.elb.ElbMessages.DescribeListenersResult;
import io.berth.elb.ElbMessages.Empty;
import io.berth.elb.ElbMessages.Listener;
import io.berth.elb.ElbMessages.ListenerArnRequest;
import io.berth.elb.ElbMessages.ListenersResult;
import io.berth.elb.ElbMessages.ModifyListenerRequest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Listeners of load balancers: HTTP on application load balancers, TCP on network ones, each with its default rule. */
final class Listeners {

    private static final List<String> APPLICATION = List.of("HTTP", "HTTPS");
    private static final List<String> NETWORK = List.of("TCP", "TLS", "UDP", "TCP_UDP");
    private static final List<String> SERVED = List.of("HTTP", "TCP");

    private final ElbRuntime elb;

    Listeners(ElbRuntime elb) {
        this.elb = elb;
    }

    ListenersResult createListener(RequestContext context, CreateListenerRequest request) {
        String lbArn = LoadBalancers.requireArn(context, request.loadBalancerArn());
        List<Stored.Tag> tags = ElbTags.validate(request.tags());
        if (request.certificates() != null && !request.certificates().isEmpty()) {
            throw ElbErrors.error("UnsupportedProtocol", "Certificates are only used by HTTPS and TLS listeners, "
                    + "which Berth does not serve yet");
        }
        return elb.write(context, documents -> {
            Stored.LoadBalancer lb = documents.find(ElbDocuments.LOAD_BALANCER, lbArn).orElseThrow(ElbErrors::loadBalancerNotFound);
            String protocol = protocol(lb, request.protocol());
            int port = port(request.port());
            if (documents.listenersOf(lbArn).stream().anyMatch(l -> l.port() == port)) {
                throw ElbErrors.error("DuplicateListener",
                        "A listener already exists on this port for this load balancer '" + lbArn + "'");
            }
            List<Action> actions = Actions.check(request.defaultActions(), "defaultActions", lb, protocol, documents,
                    Usage.loadBalancersByGroup(documents));
            String arn = ElbArns.listener(lbArn, elb.newId());
            Stored.Rule defaultRule = new Stored.Rule(ElbArns.rule(arn, elb.newId()), arn, null, null, null, List.of());
            Stored.Listener listener = new Stored.Listener(arn, lbArn, protocol, port, StoredShapes.actions(actions),
                    defaultRule.arn(), tags);
            documents.save(ElbDocuments.LISTENER, listener);
            documents.save(ElbDocuments.RULE, defaultRule);
            return new ListenersResult(List.of(view(listener)));
        });
    }

    DescribeListenersResult describeListeners(RequestContext context, DescribeListenersRequest request) {
        List<String> arns = request.listenerArns() == null ? List.of() : request.listenerArns();
        if (arns.isEmpty() == (request.loadBalancerArn() == null)) {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        arns.forEach(arn -> requireArn(context, arn));
        return elb.read(context, documents -> {
            List<Stored.Listener> chosen;
            if (request.loadBalancerArn() != null) {
                String lbArn = LoadBalancers.requireArn(context, request.loadBalancerArn());
                documents.find(ElbDocuments.LOAD_BALANCER, lbArn).orElseThrow(ElbErrors::loadBalancerNotFound);
                chosen = documents.listenersOf(lbArn);
            } else {
                chosen = documents.all(ElbDocuments.LISTENER).stream().filter(l -> arns.contains(l.arn())).toList();
                if (chosen.size() < new HashSet<>(arns).size()) {
                    throw ElbErrors.listenerNotFound();
                }
            }
            PageTokens.Page<Stored.Listener> page = ElbPaging.page(chosen, Stored.Listener::arn, request.marker(),
                    request.pageSize());
            return new DescribeListenersResult(page.items().stream().map(Listeners::view).toList(), page.nextToken());
        });
    }

    ListenersResult modifyListener(RequestContext context, ModifyListenerRequest request) {
        String arn = requireArn(context, request.listenerArn());
        if (request.certificates() != null && !request.certificates().isEmpty()) {
            throw ElbErrors.error("UnsupportedProtocol", "Certificates are only used by HTTPS and TLS listeners, "
                    + "which Berth does not serve yet");
        }
        return elb.write(context, documents -> {
            Stored.Listener listener = find(documents, arn);
            Stored.LoadBalancer lb = documents.find(ElbDocuments.LOAD_BALANCER, listener.loadBalancerArn())
                    .orElseThrow(ElbErrors::loadBalancerNotFound);
            String protocol = request.protocol() == null ? listener.protocol() : protocol(lb, request.protocol());
            int port = request.port() == null ? listener.port() : port(request.port());
            if (documents.listenersOf(lb.arn()).stream().anyMatch(l -> l.port() == port && !l.arn().equals(arn))) {
                throw ElbErrors.error("DuplicateListener",
                        "A listener already exists on this port for this load balancer '" + lb.arn() + "'");
            }
            Map<String, Set<String>> usage = Usage.loadBalancersByGroup(documents);
            List<Action> actions = request.defaultActions() == null || request.defaultActions().isEmpty()
                    ? StoredShapes.actions(listener.defaultActions())
                    : Actions.check(request.defaultActions(), "defaultActions", lb, protocol, documents, usage);
            if (!protocol.equals(listener.protocol())) {
                // The rules' groups must suit the new protocol as the default actions' do.
                Actions.check(actions, "defaultActions", lb, protocol, documents, usage);
                for (Stored.Rule rule : documents.rulesOf(arn)) {
                    if (!rule.isDefault()) {
                        Actions.check(StoredShapes.actions(rule.actions()), "actions", lb, protocol, documents, usage);
                    }
                }
            }
            Stored.Listener changed = listener.with(protocol, port, StoredShapes.actions(actions));
            documents.save(ElbDocuments.LISTENER, changed);
            return new ListenersResult(List.of(view(changed)));
        });
    }

    Empty deleteListener(RequestContext context, ListenerArnRequest request) {
        String arn = requireArn(context, request.listenerArn());
        return elb.write(context, documents -> {
            find(documents, arn);
            documents.rulesOf(arn).forEach(rule -> documents.delete(ElbDocuments.RULE, rule.arn()));
            documents.delete(ElbDocuments.LISTENER, arn);
            return new Empty();
        });
    }

    static Stored.Listener find(ElbDocuments documents, String arn) {
        return documents.find(ElbDocuments.LISTENER, arn).orElseThrow(ElbErrors::listenerNotFound);
    }

    static String requireArn(RequestContext context, String arn) {
        if (arn == null) {
            throw ElbErrors.required("listenerArn");
        }
        if (ElbArns.kindOf(context, arn).filter(k -> k == ElbArns.Kind.LISTENER).isEmpty()) {
            throw ElbErrors.invalidArn(arn, "listener");
        }
        return arn;
    }

    static Listener view(Stored.Listener listener) {
        return new Listener(listener.arn(), listener.loadBalancerArn(), listener.port(), listener.protocol(), null, null,
                StoredShapes.actions(listener.defaultActions()), null);
    }

    /** The protocol, one the load balancer's type has and Berth serves. */
    private static String protocol(Stored.LoadBalancer lb, String protocol) {
        boolean application = lb.type().equals("application");
        if (protocol == null) {
            throw ElbErrors.validation("A listener protocol must be specified");
        }
        LoadBalancers.oneOf(protocol, null, "protocol", List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"));
        if (!(application ? APPLICATION : NETWORK).contains(protocol)) {
            throw ElbErrors.error("UnsupportedProtocol", "Protocol '" + protocol + "' is not supported for "
                    + (application ? "Application" : "Network") + " Load Balancers; use one of "
                    + (application ? APPLICATION : NETWORK));
        }
        if (!SERVED.contains(protocol)) {
            throw ElbErrors.error("UnsupportedProtocol", "Protocol '" + protocol + "' is not supported by Berth yet; use "
                    + (application ? "HTTP" : "TCP"));
        }
        return protocol;
    }

    private static int port(Integer port) {
        if (port == null) {
            throw ElbErrors.validation("A listener port must be specified");
        }
        if (port < 1 || port > 65535) {
            throw ElbErrors.constraint(port, "port", port < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 65535");
        }
        return port;
    }
}
