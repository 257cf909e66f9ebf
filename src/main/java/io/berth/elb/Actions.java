package io.berth.elb;

import io.berth.elb.ElbMessages.Action;
import io.berth.elb.ElbMessages.FixedResponseActionConfig;
import io.berth.elb.ElbMessages.ForwardActionConfig;
import io.berth.elb.ElbMessages.RedirectActionConfig;
import io.berth.elb.ElbMessages.TargetGroupTuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The actions of a listener or rule, checked as ELB checks them: forward (to one group, or
 * weighted to up to five), fixed-response and redirect, each group existing and fit for the
 * listener; authentication actions need HTTPS, which Berth does not serve yet.
 */
final class Actions {

    static final int MAX_WEIGHTED_GROUPS = 5;
    private static final List<String> TYPES = List.of("forward", "authenticate-oidc", "authenticate-cognito", "redirect",
            "fixed-response");
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/css", "text/html",
            "application/javascript", "application/json");
    private static final Pattern STATUS = Pattern.compile("[245]\\d\\d");

    private Actions() {
    }

    /**
     * The actions, ordered as ELB lists them (by Order, which it fills in from 1), each checked
     * for a listener of {@code protocol} on {@code loadBalancer}.
     *
     * @param member "defaultActions" or "actions", as ELB names the member in its errors
     */
    static List<Action> check(List<Action> actions, String member, Stored.LoadBalancer loadBalancer, String protocol,
                              ElbDocuments documents, Map<String, Set<String>> usage) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.required(member);
        }
        List<Action> numbered = new ArrayList<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            String at = member + "." + (i + 1) + ".member.";
            if (action.type() == null) {
                throw ElbErrors.required(at + "type");
            }
            if (!TYPES.contains(action.type())) {
                throw ElbErrors.constraint(action.type(), at + "type", "Member must satisfy enum value set: " + TYPES);
            }
            int order = action.order() != null ? action.order() : i + 1;
            if (order < 1 || order > 50000) {
                throw ElbErrors.constraint(order, at + "order", "Member must have value between 1 and 50000");
            }
            if (!orders.add(order)) {
                throw ElbErrors.validation("The action order '" + order + "' is used more than once");
            }
            numbered.add(switch (action.type()) {
                case "forward" -> forward(action, order, loadBalancer, protocol, documents, usage);
                case "fixed-response" -> fixedResponse(action, order, loadBalancer);
                case "redirect" -> redirect(action, order, loadBalancer);
                default -> throw ElbErrors.invalidConfiguration("Authenticate actions are only supported on HTTPS listeners");
            });
        }
        numbered.sort(Comparator.comparing(Action::order));
        long terminal = numbered.stream().filter(a -> !a.type().startsWith("authenticate")).count();
        if (terminal != 1 || numbered.getLast().type().startsWith("authenticate")) {
            throw ElbErrors.validation("A rule or listener must have exactly one forward, redirect or fixed-response action, "
                    + "and it must be last");
        }
        return List.copyOf(numbered);
    }

    private static Action forward(Action action, int order, Stored.LoadBalancer loadBalancer, String protocol,
                                  ElbDocuments documents, Map<String, Set<String>> usage) {
        ForwardActionConfig config = action.forwardConfig();
        List<TargetGroupTuple> tuples;
        if (config != null && config.targetGroups() != null && !config.targetGroups().isEmpty()) {
            tuples = config.targetGroups();
            if (action.targetGroupArn() != null && (tuples.size() != 1
                    || !tuples.getFirst().targetGroupArn().equals(action.targetGroupArn()))) {
                throw ElbErrors.validation("You cannot specify both a top-level target group ARN and a forward config "
                        + "with a different target group");
            }
        } else if (action.targetGroupArn() != null) {
            tuples = List.of(new TargetGroupTuple(action.targetGroupArn(), null));
        } else {
            throw ElbErrors.validation("A target group ARN must be specified for a forward action");
        }
        if (tuples.size() > MAX_WEIGHTED_GROUPS) {
            throw ElbErrors.error("TooManyTargetGroups", "You have reached the maximum number of target groups per action: "
                    + MAX_WEIGHTED_GROUPS);
        }
        if (loadBalancer.type().equals("network") && tuples.size() > 1) {
            throw ElbErrors.invalidConfiguration("Network Load Balancers support forwarding to one target group only");
        }
        Set<String> seen = new HashSet<>();
        for (TargetGroupTuple tuple : tuples) {
            if (tuple.targetGroupArn() == null) {
                throw ElbErrors.validation("A target group ARN must be specified for a forward action");
            }
            if (!seen.add(tuple.targetGroupArn())) {
                throw ElbErrors.validation("Target group '" + tuple.targetGroupArn() + "' is specified more than once");
            }
            if (tuple.weight() != null && (tuple.weight() < 0 || tuple.weight() > 999)) {
                throw ElbErrors.constraint(tuple.weight(), "weight", "Member must have value between 0 and 999");
            }
            Stored.TargetGroup group = documents.find(ElbDocuments.TARGET_GROUP, tuple.targetGroupArn())
                    .orElseThrow(() -> ElbErrors.targetGroupNotFound(tuple.targetGroupArn()));
            checkGroup(group, loadBalancer, protocol, usage);
        }
        if (config != null && config.targetGroupStickinessConfig() != null
                && config.targetGroupStickinessConfig().durationSeconds() != null) {
            int duration = config.targetGroupStickinessConfig().durationSeconds();
            if (duration < 1 || duration > 604800) {
                throw ElbErrors.constraint(duration, "durationSeconds", "Member must have value between 1 and 604800");
            }
        }
        // ELB answers a forward to one group with both forms, and one to several with the forward config only.
        String single = tuples.size() == 1 ? tuples.getFirst().targetGroupArn() : null;
        List<TargetGroupTuple> weighted = tuples.stream()
                .map(t -> new TargetGroupTuple(t.targetGroupArn(), t.weight() == null ? 1 : t.weight())).toList();
        ForwardActionConfig stickiness = new ForwardActionConfig(weighted, config != null
                && config.targetGroupStickinessConfig() != null ? config.targetGroupStickinessConfig()
                : new ElbMessages.TargetGroupStickinessConfig(false, null));
        return new Action("forward", single, null, null, order, null, null, stickiness);
    }

    /** A group fits a listener when no other load balancer uses it, it is in the same VPC and speaks a matching protocol. */
    private static void checkGroup(Stored.TargetGroup group, Stored.LoadBalancer loadBalancer, String protocol,
                                   Map<String, Set<String>> usage) {
        Set<String> users = usage.getOrDefault(group.arn(), Set.of());
        if (users.stream().anyMatch(lb -> !lb.equals(loadBalancer.arn()))) {
            throw ElbErrors.error("TargetGroupAssociationLimit",
                    "The following target groups cannot be associated with more than one load balancer: " + group.arn());
        }
        if (group.targetType().equals("lambda")) {
            if (loadBalancer.type().equals("network")) {
                throw ElbErrors.invalidConfiguration("Target group '" + group.arn() + "' of target type 'lambda' "
                        + "cannot be used with a Network Load Balancer");
            }
            return;
        }
        if (!group.vpcId().equals(loadBalancer.vpcId())) {
            throw ElbErrors.invalidConfiguration("Target group '" + group.arn() + "' is not in the same VPC as the load balancer");
        }
        boolean httpListener = protocol.startsWith("HTTP");
        boolean httpGroup = TargetGroupAttributes.http(group.protocol());
        if (httpListener != httpGroup) {
            throw ElbErrors.error("IncompatibleProtocols", "The target group '" + group.arn() + "' uses protocol '"
                    + group.protocol() + "', which is incompatible with the listener protocol '" + protocol + "'");
        }
        if (group.targetType().equals("alb") && !loadBalancer.type().equals("network")) {
            throw ElbErrors.invalidConfiguration("Target groups of target type 'alb' can only be used with Network Load Balancers");
        }
    }

    private static Action fixedResponse(Action action, int order, Stored.LoadBalancer loadBalancer) {
        requireApplication(loadBalancer, "fixed-response");
        FixedResponseActionConfig config = action.fixedResponseConfig();
        if (config == null || config.statusCode() == null) {
            throw ElbErrors.validation("A fixed-response action must have a status code");
        }
        if (!STATUS.matcher(config.statusCode()).matches()) {
            throw ElbErrors.constraint(config.statusCode(), "statusCode", "Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$");
        }
        if (config.contentType() != null && !CONTENT_TYPES.contains(config.contentType())) {
            throw ElbErrors.validation("Content type '" + config.contentType() + "' is not valid; it must be one of "
                    + CONTENT_TYPES.stream().sorted().toList());
        }
        if (config.messageBody() != null && config.messageBody().length() > 1024) {
            throw ElbErrors.constraint("...", "messageBody", "Member must have length less than or equal to 1024");
        }
        return new Action("fixed-response", null, null, null, order, null, config, null);
    }

    /** A redirect keeps, for each part it does not set, the request's own: ELB fills in the #{...} placeholders. */
    private static Action redirect(Action action, int order, Stored.LoadBalancer loadBalancer) {
        requireApplication(loadBalancer, "redirect");
        RedirectActionConfig config = action.redirectConfig();
        if (config == null || config.statusCode() == null) {
            throw ElbErrors.validation("A redirect action must have a status code");
        }
        LoadBalancers.oneOf(config.statusCode(), null, "statusCode", List.of("HTTP_301", "HTTP_302"));
        String protocol = config.protocol() == null ? "#{protocol}" : config.protocol();
        if (!List.of("#{protocol}", "HTTP", "HTTPS").contains(protocol)) {
            throw ElbErrors.validation("Redirect protocol '" + protocol + "' must be HTTP, HTTPS or #{protocol}");
        }
        String path = config.path() == null ? "/#{path}" : config.path();
        if (!path.startsWith("/")) {
            throw ElbErrors.validation("Redirect path '" + path + "' must start with a '/'");
        }
        RedirectActionConfig filled = new RedirectActionConfig(protocol, config.port() == null ? "#{port}" : config.port(),
                config.host() == null ? "#{host}" : config.host(), path,
                config.query() == null ? "#{query}" : config.query(), config.statusCode());
        if (filled.equals(new RedirectActionConfig("#{protocol}", "#{port}", "#{host}", "/#{path}", "#{query}",
                config.statusCode()))) {
            throw ElbErrors.validation("The redirect must change at least one of protocol, port, host, path or query, "
                    + "or it would redirect to itself");
        }
        return new Action("redirect", null, null, null, order, filled, null, null);
    }

    private static void requireApplication(Stored.LoadBalancer loadBalancer, String type) {
        if (!loadBalancer.type().equals("application")) {
            throw ElbErrors.error("InvalidLoadBalancerAction", "The action type '" + type
                    + "' is not valid with a Network Load Balancer");
        }
    }
}
