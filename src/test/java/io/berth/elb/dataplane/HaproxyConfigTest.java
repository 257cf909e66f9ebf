package io.berth.elb.dataplane;

import io.berth.elb.dataplane.Action.FixedResponse;
import io.berth.elb.dataplane.Action.Forward;
import io.berth.elb.dataplane.Action.Redirect;
import io.berth.elb.dataplane.Action.WeightedGroup;
import io.berth.elb.dataplane.Condition.HostHeader;
import io.berth.elb.dataplane.Condition.HttpHeader;
import io.berth.elb.dataplane.Condition.HttpRequestMethod;
import io.berth.elb.dataplane.Condition.KeyValue;
import io.berth.elb.dataplane.Condition.PathPattern;
import io.berth.elb.dataplane.Condition.QueryString;
import io.berth.elb.dataplane.Condition.SourceIp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration a load balancer renders to. Each case also passes HAProxy's own check
 * ({@code haproxy -c}), so what is asserted here is what HAProxy accepts.
 */
class HaproxyConfigTest {

    @TempDir
    Path run;

    static final LbInterface NIC = new LbInterface("subnet-1", "vpc-1", "10.0.0.0/16", "10.0.1.10", 24, "10.0.1.1",
            "02:00:00:00:00:01");
    static final HealthCheck HTTP_CHECK = new HealthCheck(Protocol.HTTP, null, "/health", Duration.ofSeconds(5),
            Duration.ofSeconds(2), 3, 2, "200");
    static final HealthCheck TCP_CHECK = new HealthCheck(Protocol.TCP, null, null, Duration.ofSeconds(10),
            Duration.ofSeconds(10), 3, 3, null);

    static TargetGroup group(String id) {
        return new TargetGroup(id, Protocol.HTTP, 8080, HTTP_CHECK, Duration.ofSeconds(300),
                TargetGroup.Algorithm.ROUND_ROBIN, List.of(new Target("10.0.1.20", 8080)));
    }

    static LoadBalancer alb(List<Listener> listeners, TargetGroup... groups) {
        return new LoadBalancer("a1", LoadBalancer.Type.APPLICATION, List.of(NIC), SecurityGroups.NONE,
                Duration.ofSeconds(60), listeners, List.of(groups));
    }

    private HaproxyConfig.Rendered render(LoadBalancer lb) throws IOException, InterruptedException {
        HaproxyConfig.Rendered rendered = HaproxyConfig.render(lb, Map.of("one", 16, "two", 16, "tcp", 16), run);
        for (Map.Entry<String, String> file : rendered.files().entrySet()) {
            Files.createDirectories(run.resolve(file.getKey()).getParent());
            Files.writeString(run.resolve(file.getKey()), file.getValue());
        }
        Path config = run.resolve("haproxy.cfg");
        Files.writeString(config, rendered.config());
        Process check = new ProcessBuilder("haproxy", "-c", "-f", config.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as("haproxy -c:\n" + output + "\n" + rendered.config()).isZero();
        return rendered;
    }

    private static List<String> lines(HaproxyConfig.Rendered rendered) {
        return rendered.config().lines().map(String::strip).toList();
    }

    @Test
    void aListenerForwardingToOneGroupSetsTheForwardedHeadersAndKeepsTargetsInSlots() throws Exception {
        List<String> lines = lines(render(alb(List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of())),
                group("one"))));

        assertThat(lines).containsSubsequence("frontend listener-80", "mode http", "bind :80", "option forwardfor",
                "option idle-close-on-response", "errorfiles alb", "http-request set-header X-Forwarded-Proto http",
                "http-request set-header X-Forwarded-Port 80", "http-request set-var(txn.rule) int(0)",
                "use_backend tg-one if { var(txn.rule) -m int 0 }",
                "http-after-response set-status 502 reason 'Bad Gateway' if { status 503 } { srv_id -m found }");
        assertThat(lines).containsSubsequence("backend tg-one", "mode http", "retry-on conn-failure empty-response",
                "retries 3", "option redispatch 1", "balance roundrobin", "option httpchk",
                "http-check send meth GET uri /health ver HTTP/1.1 hdr Host elb-healthchecker hdr User-Agent ELB-HealthChecker/2.0",
                "http-check expect status 200", "timeout check 2s",
                "server-template s 1-16 unset.invalid:8080 check inter 5s rise 3 fall 2 disabled init-addr last,127.0.0.1");
        assertThat(lines).contains("load-server-state-from-file global", "hard-stop-after 30s",
                "server-state-file " + run.resolve("servers.state"), "timeout client 60s", "timeout http-keep-alive 60s");
    }

    @Test
    void rulesAreTriedByPriorityWhateverTheirOrderAndTheFirstMatchWins() throws Exception {
        Listener listener = new Listener(80, Protocol.HTTP, Forward.to("one"), List.of(
                new Rule(20, List.of(new PathPattern(List.of("/b*"))), Forward.to("two")),
                new Rule(5, List.of(new PathPattern(List.of("/a*"))), Forward.to("two")),
                new Rule(10, List.of(new PathPattern(List.of("/a/b"))), new FixedResponse(418, null, "teapot"))));
        List<String> lines = lines(render(alb(List.of(listener), group("one"), group("two"))));

        assertThat(lines).containsSubsequence(
                "http-request set-var(txn.rule) int(1) if { path -m reg '^/a.*$' }",
                "http-request set-var(txn.rule) int(2) if !{ var(txn.rule) -m found } { path -m reg '^/a/b$' }",
                "http-request set-var(txn.rule) int(3) if !{ var(txn.rule) -m found } { path -m reg '^/b.*$' }",
                "http-request set-var(txn.rule) int(0) if !{ var(txn.rule) -m found }");
        // The fixed response of priority 10 answers only when priority 5 did not match first.
        assertThat(lines).contains("http-request return status 418 content-type text/plain file "
                        + run.resolve("fixed/80-2.body") + " if { var(txn.rule) -m int 2 }",
                "use_backend tg-two if { var(txn.rule) -m int 1 }",
                "use_backend tg-two if { var(txn.rule) -m int 3 }",
                "use_backend tg-one if { var(txn.rule) -m int 0 }");
    }

    @Test
    void conditionsOfARuleAllApplyAndTheValuesOfOneAreAlternatives() throws Exception {
        Listener listener = new Listener(80, Protocol.HTTP, Forward.to("one"), List.of(new Rule(1, List.of(
                new PathPattern(List.of("/api/*", "/v?/x")),
                new HostHeader(List.of("*.example.com", "example.com")),
                new HttpHeader("X-Env", List.of("beta*")),
                new HttpRequestMethod(List.of("GET", "HEAD")),
                new QueryString(List.of(new KeyValue("version", "v1*"), new KeyValue(null, "debug"))),
                new SourceIp(List.of("10.0.0.0/8", "192.168.1.5/32"))), Forward.to("two"))));
        List<String> lines = lines(render(alb(List.of(listener), group("one"), group("two"))));

        assertThat(lines).contains("http-request set-var(txn.rule) int(1) if"
                + " { path -m reg '^/api/.*$' '^/v./x$' }"
                + " { req.hdr(host),field(1,:) -m reg -i '^.*\\.example\\.com$' '^example\\.com$' }"
                + " { req.fhdr(X-Env) -m reg -i '^beta.*$' }"
                + " { method -m str GET HEAD }"
                + " { query -m reg -i '(^|&)version=v1[^&]*(&|$)' '(^|&)[^&=]*=debug(&|$)' }"
                + " { src 10.0.0.0/8 192.168.1.5/32 }");
    }

    @Test
    void wildcardsAreTheOnlySpecialCharactersOfAPattern() {
        assertThat(HaproxyConfig.glob("/a.b+(c)[d]$^|{e}", false)).isEqualTo("/a\\.b\\+\\(c\\)\\[d\\]\\$\\^\\|\\{e\\}");
        assertThat(HaproxyConfig.glob("/a-b_c/~d\\e", false)).isEqualTo("/a-b_c/~d\\\\e");
        assertThat(HaproxyConfig.glob("it's*", false)).isEqualTo("it\\x27s.*");
        assertThat(HaproxyConfig.glob("a?c*", true)).isEqualTo("a[^&]c[^&]*");
        String regex = HaproxyConfig.glob("/img/*.png", false);
        assertThat(Pattern.compile("^" + regex + "$").matcher("/img/a/b.png").matches()).isTrue();
        assertThat(Pattern.compile("^" + regex + "$").matcher("/img/apng").matches()).isFalse();
    }

    @Test
    void oddCharactersInPatternsStillMakeAValidConfiguration() throws Exception {
        Listener listener = new Listener(80, Protocol.HTTP, Forward.to("one"), List.of(new Rule(1, List.of(
                new PathPattern(List.of("/it's #1 \"quoted\" $HOME\\x")),
                new HostHeader(List.of("a b"))), Forward.to("one"))));
        render(alb(List.of(listener), group("one")));
    }

    @Test
    void aWeightedForwardDrawsOnceAndSplitsByCumulativeWeight() throws Exception {
        Forward weighted = new Forward(List.of(new WeightedGroup("one", 30), new WeightedGroup("two", 70)));
        List<String> lines = lines(render(alb(List.of(new Listener(80, Protocol.HTTP, weighted, List.of())),
                group("one"), group("two"))));

        assertThat(lines).containsSubsequence(
                "http-request set-var(txn.pick) rand(100) if { var(txn.rule) -m int 0 }",
                "use_backend tg-one if { var(txn.rule) -m int 0 } { var(txn.pick) -m int ge 0 } { var(txn.pick) -m int lt 30 }",
                "use_backend tg-two if { var(txn.rule) -m int 0 } { var(txn.pick) -m int ge 30 } { var(txn.pick) -m int lt 100 }");
    }

    @Test
    void aGroupOfWeightZeroGetsNothing() throws Exception {
        Forward weighted = new Forward(List.of(new WeightedGroup("one", 0), new WeightedGroup("two", 5)));
        List<String> lines = lines(render(alb(List.of(new Listener(80, Protocol.HTTP, weighted, List.of())),
                group("one"), group("two"))));

        assertThat(lines).noneMatch(line -> line.startsWith("use_backend tg-one"));
        assertThat(lines).contains("http-request set-var(txn.pick) rand(5) if { var(txn.rule) -m int 0 }");
    }

    @Test
    void aFixedResponseAnswersItsStatusContentTypeAndBodyFromAFile() throws Exception {
        HaproxyConfig.Rendered rendered = render(alb(List.of(
                new Listener(80, Protocol.HTTP, new FixedResponse(503, "application/json", "{\"down\": \"it's so\"}"), List.of()),
                new Listener(81, Protocol.HTTP, new FixedResponse(204, null, null), List.of()))));

        assertThat(lines(rendered)).contains(
                "http-request return status 503 content-type application/json file " + run.resolve("fixed/80-0.body")
                        + " if { var(txn.rule) -m int 0 }",
                "http-request return status 204 content-type text/plain file " + run.resolve("fixed/81-0.body")
                        + " if { var(txn.rule) -m int 0 }");
        assertThat(rendered.files()).containsEntry("fixed/80-0.body", "{\"down\": \"it's so\"}")
                .containsEntry("fixed/81-0.body", "");
    }

    @Test
    void aRedirectKeepsTheRequestsComponentsByDefaultAndLeavesOutAnEmptyQuery() throws Exception {
        Redirect redirect = new Redirect("HTTPS", null, "443", null, null, 301);
        List<String> lines = lines(render(alb(List.of(new Listener(80, Protocol.HTTP, redirect, List.of())))));

        assertThat(lines).containsSubsequence(
                "http-request redirect location 'https://%[req.hdr(host),field(1,:)]:443/%[path,regsub(^/,)]?%[query]' code 301"
                        + " if { var(txn.rule) -m int 0 } { query -m len gt 0 }",
                "http-request redirect location 'https://%[req.hdr(host),field(1,:)]:443/%[path,regsub(^/,)]' code 301"
                        + " if { var(txn.rule) -m int 0 }");
    }

    @Test
    void aRedirectToFixedComponentsTakesThemLiterally() throws Exception {
        Redirect redirect = new Redirect("#{protocol}", "example.com", "#{port}", "/new/#{path}", "from=100%", 302);
        List<String> lines = lines(render(alb(List.of(new Listener(8080, Protocol.HTTP, redirect, List.of())))));

        assertThat(lines).contains("http-request redirect location"
                + " 'http://example.com:8080/new/%[path,regsub(^/,)]?from=100%%' code 302 if { var(txn.rule) -m int 0 }");
    }

    @Test
    void albErrorsAreAnsweredWithAlbsPages() throws Exception {
        HaproxyConfig.Rendered rendered = render(alb(List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of())),
                group("one")));

        assertThat(lines(rendered)).containsSubsequence("http-errors alb", "errorfile 502 " + run.resolve("errors/502.http"),
                "errorfile 503 " + run.resolve("errors/503.http"), "errorfile 504 " + run.resolve("errors/504.http"));
        assertThat(rendered.files().get("errors/503.http"))
                .startsWith("HTTP/1.1 503 Service Temporarily Unavailable\r\nServer: awselb/2.0\r\n")
                .contains("<center><h1>503 Service Temporarily Unavailable</h1></center>");
        assertThat(rendered.files().get("errors/504.http")).startsWith("HTTP/1.1 504 Gateway Time-out\r\n");
        String page = rendered.files().get("errors/502.http");
        String body = page.substring(page.indexOf("\r\n\r\n") + 4);
        assertThat(page).contains("Content-Length: " + body.length() + "\r\n");
    }

    @Test
    void aNetworkLoadBalancerPassesTcpThroughWithTcpChecks() throws Exception {
        TargetGroup tcp = new TargetGroup("tcp", Protocol.TCP, 7000, TCP_CHECK, Duration.ofSeconds(0),
                TargetGroup.Algorithm.ROUND_ROBIN, List.of());
        LoadBalancer nlb = new LoadBalancer("n1", LoadBalancer.Type.NETWORK, List.of(NIC), SecurityGroups.NONE,
                Duration.ofSeconds(60), List.of(new Listener(7000, Protocol.TCP, Forward.to("tcp"), List.of())), List.of(tcp));
        HaproxyConfig.Rendered rendered = render(nlb);
        List<String> lines = lines(rendered);

        assertThat(lines).containsSubsequence("frontend listener-7000", "mode tcp", "bind :7000", "default_backend tg-tcp");
        assertThat(lines).containsSubsequence("backend tg-tcp", "mode tcp", "retries 3", "balance roundrobin",
                "timeout check 10s", "server-template s 1-16 unset.invalid:7000 check inter 10s rise 3 fall 3 disabled init-addr last,127.0.0.1");
        assertThat(lines).contains("timeout client 350s").doesNotContain("option httpchk", "http-errors alb", "option forwardfor");
        assertThat(rendered.files()).isEmpty();
    }

    @Test
    void anHttpCheckOnItsOwnPortWithRangesOfCodesAndLeastOutstandingRequests() throws Exception {
        TargetGroup group = new TargetGroup("one", Protocol.HTTP, 8080,
                new HealthCheck(Protocol.HTTP, 9000, "/ready?full=1", Duration.ofMillis(1500), Duration.ofSeconds(1), 2, 5,
                        "200,202,300-302"), Duration.ofSeconds(10), TargetGroup.Algorithm.LEAST_OUTSTANDING_REQUESTS, List.of());
        List<String> lines = lines(render(alb(List.of(new Listener(80, Protocol.HTTP, Forward.to("one"), List.of())), group)));

        assertThat(lines).contains("balance leastconn", "http-check expect rstatus '^(200|202|300|301|302)$'",
                "server-template s 1-16 unset.invalid:8080 check inter 1500ms rise 2 fall 5 port 9000 disabled init-addr last,127.0.0.1");
    }

    @Test
    void theModelRefusesWhatTheDataPlaneCannotServe() {
        assertThatThrownBy(() -> new Listener(80, Protocol.TCP, new FixedResponse(200, null, "x"), List.of()))
                .hasMessageContaining("only forwards");
        assertThatThrownBy(() -> alb(List.of(new Listener(80, Protocol.HTTP, Forward.to("missing"), List.of()))))
                .hasMessageContaining("target group missing is not in the load balancer");
        assertThatThrownBy(() -> new Listener(80, Protocol.HTTP, Forward.to("one"), List.of(
                new Rule(1, List.of(new PathPattern(List.of("/a"))), Forward.to("one")),
                new Rule(1, List.of(new PathPattern(List.of("/b"))), Forward.to("one")))))
                .hasMessageContaining("one priority");
        assertThatThrownBy(() -> new HttpHeader("X Bad", List.of("v"))).hasMessageContaining("header name");
        assertThatThrownBy(() -> new Redirect(null, null, null, "relative", null, 301)).hasMessageContaining("does not start with /");
        assertThatThrownBy(() -> new LoadBalancer("A/B", LoadBalancer.Type.APPLICATION, List.of(NIC), SecurityGroups.NONE,
                Duration.ofSeconds(60), List.of(), List.of())).hasMessageContaining("is not [a-z0-9-]");
        assertThatThrownBy(() -> alb(List.of(new Listener(80, Protocol.TCP, Forward.to("one"), List.of())), group("one")))
                .hasMessageContaining("does not take TCP listeners");
    }
}
