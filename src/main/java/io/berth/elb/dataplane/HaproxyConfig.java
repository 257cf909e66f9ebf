package io.berth.elb.dataplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a load balancer as an HAProxy configuration (pure): one frontend per listener, one
 * backend per target group whose targets live in server-template slots set at run time.
 *
 * <p>Rules: HAProxy runs every {@code http-request} action before any {@code use_backend}, so
 * priority order cannot come from the order of actions. The first matching rule, by priority,
 * instead writes its number into {@code txn.rule} (0 for the default action), and every action
 * is keyed by that number. A weighted forward draws {@code txn.pick} once per request.
 *
 * <p>Files the configuration names (ALB's error pages, fixed-response bodies) come with it, to be
 * written in the load balancer's run directory.
 */
final class HaproxyConfig {

    static final String ADMIN_SOCKET = "admin.sock";
    static final String STATE_FILE = "servers.state";
    static final String SLOT_PREFIX = "s";
    /** What a target behind an application LB may take at most: ELB's target timeout is the idle timeout. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A network load balancer's fixed TCP idle timeout. */
    private static final Duration TCP_IDLE_TIMEOUT = Duration.ofSeconds(350);

    /** The configuration text and the files it names, by name relative to the run directory. */
    record Rendered(String config, Map<String, String> files) {
    }

    private HaproxyConfig() {
    }

    static String backendName(String targetGroupId) {
        return "tg-" + targetGroupId;
    }

    /**
     * @param slots how many target slots each group's backend gets (at least its targets)
     */
    static Rendered render(LoadBalancer lb, Map<String, Integer> slots, Path runDirectory) {
        StringBuilder out = new StringBuilder();
        Map<String, String> files = new LinkedHashMap<>();
        out.append("# Written by Berth for load balancer ").append(lb.id()).append(": changes are overwritten.\n");
        out.append("global\n");
        line(out, "stats socket " + runDirectory.resolve(ADMIN_SOCKET) + " mode 600 level admin expose-fd listeners");
        line(out, "server-state-file " + runDirectory.resolve(STATE_FILE));
        // Old workers of a reload finish their requests, and no longer.
        line(out, "hard-stop-after 30s");
        out.append("\ndefaults\n");
        line(out, "timeout connect " + seconds(CONNECT_TIMEOUT));
        Duration idle = lb.type() == LoadBalancer.Type.APPLICATION ? lb.idleTimeout() : TCP_IDLE_TIMEOUT;
        line(out, "timeout client " + seconds(idle));
        line(out, "timeout server " + seconds(idle));
        line(out, "timeout http-keep-alive " + seconds(idle));
        // Targets set through the runtime API survive a reload only through the state file.
        line(out, "load-server-state-from-file global");
        if (lb.type() == LoadBalancer.Type.APPLICATION) {
            out.append("\nhttp-errors alb\n");
            for (AlbError error : AlbError.values()) {
                String file = "errors/" + error.status + ".http";
                files.put(file, error.response());
                line(out, "errorfile " + error.status + " " + runDirectory.resolve(file));
            }
        }
        for (Listener listener : lb.listeners()) {
            out.append('\n');
            if (listener.protocol() == Protocol.HTTP) {
                httpFrontend(out, files, listener, runDirectory);
            } else {
                tcpFrontend(out, listener);
            }
        }
        for (TargetGroup group : lb.targetGroups()) {
            out.append('\n');
            backend(out, group, slots.getOrDefault(group.id(), 0));
        }
        return new Rendered(out.toString(), files);
    }

    private static void httpFrontend(StringBuilder out, Map<String, String> files, Listener listener, Path runDirectory) {
        out.append("frontend listener-").append(listener.port()).append('\n');
        line(out, "mode http");
        line(out, "bind :" + listener.port());
        line(out, "option forwardfor");
        // A reload closes idle keep-alive connections after their next response, not under a request.
        line(out, "option idle-close-on-response");
        line(out, "errorfiles alb");
        line(out, "http-request set-header X-Forwarded-Proto http");
        line(out, "http-request set-header X-Forwarded-Port " + listener.port());
        List<Rule> rules = listener.rulesByPriority();
        for (int i = 0; i < rules.size(); i++) {
            StringBuilder condition = new StringBuilder(i == 0 ? "" : " !{ var(txn.rule) -m found }");
            for (Condition c : rules.get(i).conditions()) {
                condition.append(' ').append(acl(c));
            }
            line(out, "http-request set-var(txn.rule) int(" + (i + 1) + ") if" + condition);
        }
        line(out, "http-request set-var(txn.rule) int(0)" + (rules.isEmpty() ? "" : " if !{ var(txn.rule) -m found }"));
        // Rule n is rules[n-1]; 0 is the default action.
        for (int n = 0; n <= rules.size(); n++) {
            Action action = n == 0 ? listener.defaultAction() : rules.get(n - 1).action();
            String when = "{ var(txn.rule) -m int " + n + " }";
            switch (action) {
                case Action.FixedResponse fixed -> {
                    String file = "fixed/" + listener.port() + "-" + n + ".body";
                    files.put(file, fixed.body() == null ? "" : fixed.body());
                    String contentType = fixed.contentType() == null ? "text/plain" : fixed.contentType();
                    line(out, "http-request return status " + fixed.statusCode() + " content-type " + contentType
                            + " file " + runDirectory.resolve(file) + " if " + when);
                }
                case Action.Redirect redirect -> redirect(out, redirect, listener, when);
                case Action.Forward forward -> {
                    if (forward.groups().size() > 1) {
                        line(out, "http-request set-var(txn.pick) rand(" + totalWeight(forward) + ") if " + when);
                    }
                }
            }
        }
        for (int n = 0; n <= rules.size(); n++) {
            Action action = n == 0 ? listener.defaultAction() : rules.get(n - 1).action();
            if (action instanceof Action.Forward forward) {
                useBackends(out, forward, "{ var(txn.rule) -m int " + n + " }");
            }
        }
        // HAProxy answers 503 when it picked a target but could not connect to it; ALB answers 502.
        line(out, "http-after-response set-status 502 reason 'Bad Gateway' if { status 503 } { srv_id -m found }");
    }

    private static void tcpFrontend(StringBuilder out, Listener listener) {
        out.append("frontend listener-").append(listener.port()).append('\n');
        line(out, "mode tcp");
        line(out, "bind :" + listener.port());
        Action.Forward forward = (Action.Forward) listener.defaultAction();
        if (forward.groups().size() > 1) {
            line(out, "tcp-request content set-var(txn.pick) rand(" + totalWeight(forward) + ")");
        }
        useBackends(out, forward, "");
    }

    /** Equal weights when all are zero: ELB refuses that, and it must still route somewhere. */
    private static int totalWeight(Action.Forward forward) {
        int total = forward.groups().stream().mapToInt(Action.WeightedGroup::weight).sum();
        return total == 0 ? forward.groups().size() : total;
    }

    private static void useBackends(StringBuilder out, Action.Forward forward, String when) {
        String prefix = when.isEmpty() ? "" : " " + when;
        if (forward.groups().size() == 1) {
            String backend = backendName(forward.groups().getFirst().targetGroupId());
            line(out, when.isEmpty() ? "default_backend " + backend : "use_backend " + backend + " if" + prefix);
            return;
        }
        boolean allZero = forward.groups().stream().allMatch(g -> g.weight() == 0);
        int from = 0;
        for (Action.WeightedGroup group : forward.groups()) {
            int weight = allZero ? 1 : group.weight();
            if (weight == 0) {
                continue;
            }
            int to = from + weight;
            line(out, "use_backend " + backendName(group.targetGroupId()) + " if" + prefix
                    + " { var(txn.pick) -m int ge " + from + " } { var(txn.pick) -m int lt " + to + " }");
            from = to;
        }
    }

    private static void redirect(StringBuilder out, Action.Redirect redirect, Listener listener, String when) {
        String protocol = redirect.protocol().replace("#{protocol}", "http").toLowerCase(java.util.Locale.ROOT);
        String base = format(protocol, listener) + "://" + format(redirect.host(), listener) + ":"
                + format(redirect.port(), listener) + format(redirect.path(), listener);
        String code = " code " + redirect.statusCode() + " if " + when;
        if (redirect.query().equals("#{query}")) {
            // ELB leaves out the '?' when the request had no query string.
            line(out, "http-request redirect location " + quote(base + "?%[query]") + code + " { query -m len gt 0 }");
            line(out, "http-request redirect location " + quote(base) + code);
        } else if (redirect.query().isEmpty()) {
            line(out, "http-request redirect location " + quote(base) + code);
        } else {
            line(out, "http-request redirect location " + quote(base + "?" + format(redirect.query(), listener)) + code);
        }
    }

    /** A redirect component as an HAProxy log-format string: placeholders become sample fetches. */
    private static String format(String component, Listener listener) {
        String literal = component.replace("%", "%%").replace("'", "%%27");
        return literal.replace("#{protocol}", "http")
                .replace("#{host}", "%[req.hdr(host),field(1,:)]")
                .replace("#{port}", String.valueOf(listener.port()))
                .replace("#{path}", "%[path,regsub(^/,)]")
                .replace("#{query}", "%[query]");
    }

    static String acl(Condition condition) {
        return switch (condition) {
            case Condition.PathPattern path -> "{ path -m reg " + patterns(path.values(), false) + " }";
            case Condition.HostHeader host -> "{ req.hdr(host),field(1,:) -m reg -i " + patterns(host.values(), false) + " }";
            case Condition.HttpHeader header ->
                    "{ req.fhdr(" + header.name() + ") -m reg -i " + patterns(header.values(), false) + " }";
            case Condition.HttpRequestMethod method -> "{ method -m str " + String.join(" ", method.values()) + " }";
            case Condition.QueryString query -> {
                StringBuilder values = new StringBuilder();
                for (Condition.KeyValue pair : query.values()) {
                    String key = pair.key() == null ? "[^&=]*" : glob(pair.key(), true);
                    values.append(' ').append(quote("(^|&)" + key + "=" + glob(pair.value(), true) + "(&|$)"));
                }
                yield "{ query -m reg -i" + values + " }";
            }
            case Condition.SourceIp source -> "{ src " + String.join(" ", source.values()) + " }";
        };
    }

    private static String patterns(List<String> globs, boolean inQuery) {
        StringBuilder out = new StringBuilder();
        for (String glob : globs) {
            out.append(out.isEmpty() ? "" : " ").append(quote("^" + glob(glob, inQuery) + "$"));
        }
        return out.toString();
    }

    /**
     * ELB's wildcards as a PCRE: {@code *} any run, {@code ?} one character (within one query
     * parameter in a query string); everything else literal. A quote becomes its hex escape so
     * the pattern can sit in HAProxy's single quotes, which take everything else literally.
     */
    static String glob(String glob, boolean inQuery) {
        StringBuilder regex = new StringBuilder();
        glob.codePoints().forEach(c -> {
            if (c == '*') {
                regex.append(inQuery ? "[^&]*" : ".*");
            } else if (c == '?') {
                regex.append(inQuery ? "[^&]" : ".");
            } else if (c == '\'') {
                regex.append("\\x27");
            } else if (REGEX_SPECIAL.indexOf(c) >= 0) {
                regex.append('\\').appendCodePoint(c);
            } else {
                regex.appendCodePoint(c);
            }
        });
        return regex.toString();
    }

    private static final String REGEX_SPECIAL = ".^$|+()[]{}\\";

    private static String quote(String word) {
        return "'" + word + "'";
    }

    private static void backend(StringBuilder out, TargetGroup group, int slots) {
        out.append("backend ").append(backendName(group.id())).append('\n');
        HealthCheck check = group.healthCheck();
        if (group.protocol() == Protocol.HTTP) {
            line(out, "mode http");
            line(out, "errorfiles alb");
            // A request whose target died is sent to another before the client sees an error.
            line(out, "retry-on conn-failure empty-response");
        } else {
            line(out, "mode tcp");
        }
        line(out, "retries 3");
        line(out, "option redispatch 1");
        line(out, "balance " + (group.algorithm() == TargetGroup.Algorithm.LEAST_OUTSTANDING_REQUESTS ? "leastconn" : "roundrobin"));
        if (check.protocol() == Protocol.HTTP) {
            line(out, "option httpchk");
            line(out, "http-check send meth GET uri " + check.path() + " ver HTTP/1.1 hdr Host elb-healthchecker hdr User-Agent ELB-HealthChecker/2.0");
            List<Integer> codes = check.matchedCodes();
            if (codes.size() == 1) {
                line(out, "http-check expect status " + codes.getFirst());
            } else {
                StringBuilder alternatives = new StringBuilder();
                codes.forEach(code -> alternatives.append(alternatives.isEmpty() ? "" : "|").append(code));
                line(out, "http-check expect rstatus " + quote("^(" + alternatives + ")$"));
            }
        }
        line(out, "timeout check " + seconds(check.timeout()));
        if (slots > 0) {
            StringBuilder server = new StringBuilder("server-template " + SLOT_PREFIX + " 1-" + slots + " unset.invalid:"
                    + group.port() + " check inter " + seconds(check.interval()) + " rise " + check.healthyThreshold()
                    + " fall " + check.unhealthyThreshold());
            if (check.port() != null) {
                server.append(" port ").append(check.port());
            }
            // A name placeholder (an address one is not restored from the state file), starting in maintenance.
            line(out, server.append(" disabled init-addr last,127.0.0.1").toString());
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static void line(StringBuilder out, String text) {
        out.append("    ").append(text).append('\n');
    }

    /** The errors ALB itself answers, with its pages and its Server header. */
    enum AlbError {
        BAD_GATEWAY(502, "Bad Gateway"),
        SERVICE_UNAVAILABLE(503, "Service Temporarily Unavailable"),
        GATEWAY_TIMEOUT(504, "Gateway Time-out");

        final int status;
        private final String reason;

        AlbError(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        String response() {
            String title = status + " " + reason;
            String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                    + "</h1></center>\r\n</body>\r\n</html>\r\n";
            return "HTTP/1.1 " + title + "\r\nServer: awselb/2.0\r\nContent-Type: text/html\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body;
        }
    }
}
