package io.berth.elb.dataplane;

import io.berth.elb.dataplane.TargetHealth.Reason;
import io.berth.elb.dataplane.TargetHealth.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HAProxy's view of a slot read from its runtime API, and the ELB target health it maps to. */
class HealthStatesTest {

    static final String SERVERS_STATE = """
            1
            # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
            3 tg-one 1 s1 10.0.1.20 2 4 1 1 0 1 0 2 6 0 0 0 unset.invalid 8080 - 0 0 - - 0
            3 tg-one 2 s2 10.0.1.21 0 4 1 1 0 1 0 0 6 0 0 0 unset.invalid 8080 - 0 0 - - 0
            3 tg-one 3 s3 10.0.1.22 2 12 1 1 0 1 0 2 6 0 0 0 unset.invalid 9090 - 0 0 - - 0
            3 tg-one 4 s4 127.0.0.1 0 5 1 1 2 1 0 0 14 0 0 0 unset.invalid 8080 - 0 0 - - 0

            """;
    static final String STAT = """
            # pxname,svname,qcur,qmax,scur,smax,status,check_status,check_code
            tg-one,s1,0,0,3,5,UP,L7OK,200
            tg-one,s2,0,0,0,0,DOWN,L7STS,404
            tg-one,s3,1,1,2,2,DRAIN,L7OK,200
            tg-one,s4,0,0,0,0,MAINT,,

            """;

    static final TargetGroup GROUP = HaproxyConfigTest.group("one");

    static LoadBalancer lb(boolean routed) {
        return HaproxyConfigTest.alb(routed
                ? List.of(new Listener(80, Protocol.HTTP, Action.Forward.to("one"), List.of()))
                : List.of(new Listener(80, Protocol.HTTP, new Action.FixedResponse(200, null, null), List.of())), GROUP);
    }

    static Slot slot(String status, String check, String code) {
        return new Slot("tg-one", "s1", "10.0.1.20", 8080, 4, status, check, code, 0, 0);
    }

    @Test
    void slotsJoinTheServersStateWithTheirStatistics() {
        List<Slot> slots = Slot.parse(SERVERS_STATE, STAT);

        assertThat(slots).containsExactly(
                new Slot("tg-one", "s1", "10.0.1.20", 8080, 4, "UP", "L7OK", "200", 3, 0),
                new Slot("tg-one", "s2", "10.0.1.21", 8080, 4, "DOWN", "L7STS", "404", 0, 0),
                new Slot("tg-one", "s3", "10.0.1.22", 9090, 12, "DRAIN", "L7OK", "200", 2, 1),
                new Slot("tg-one", "s4", "127.0.0.1", 8080, 5, "MAINT", "", "", 0, 0));
        // Made "disabled" in the configuration (0x04) and set ready since: it serves.
        assertThat(slots.get(0).free()).isFalse();
        assertThat(slots.get(0).draining()).isFalse();
        assertThat(slots.get(2).draining()).isTrue();
        assertThat(slots.get(3).free()).isTrue();
        assertThat(slots.get(2).target()).isEqualTo(new Target("10.0.1.22", 9090));
    }

    @Test
    void upIsHealthyEvenWhileItsChecksStartFailing() {
        assertThat(HealthStates.of(lb(true), GROUP, slot("UP", "L7OK", "200"), false).state()).isEqualTo(State.HEALTHY);
        assertThat(HealthStates.of(lb(true), GROUP, slot("UP 1/2", "L4CON", ""), false).state()).isEqualTo(State.HEALTHY);
    }

    @Test
    void aNewTargetIsInitialUntilItsChecksDecide() {
        TargetHealth unchecked = HealthStates.of(lb(true), GROUP, slot("DOWN", "INI", ""), false);
        assertThat(unchecked).extracting(TargetHealth::state, TargetHealth::reason, TargetHealth::description)
                .containsExactly(State.INITIAL, Reason.REGISTRATION_IN_PROGRESS, "Target registration is in progress");
        TargetHealth checking = HealthStates.of(lb(true), GROUP, slot("DOWN 1/3", "L7OK", "200"), true);
        assertThat(checking).extracting(TargetHealth::state, TargetHealth::reason)
                .containsExactly(State.INITIAL, Reason.INITIAL_HEALTH_CHECKING);
    }

    @Test
    void failedChecksSayWhy() {
        TargetHealth mismatch = HealthStates.of(lb(true), GROUP, slot("DOWN", "L7STS", "503"), false);
        assertThat(mismatch).extracting(TargetHealth::state, TargetHealth::reason, TargetHealth::description)
                .containsExactly(State.UNHEALTHY, Reason.RESPONSE_CODE_MISMATCH, "Health checks failed with these codes: [503]");
        assertThat(mismatch.reason().code()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(HealthStates.of(lb(true), GROUP, slot("DOWN", "L4TOUT", ""), false))
                .extracting(TargetHealth::reason, TargetHealth::description).containsExactly(Reason.TIMEOUT, "Request timed out");
        assertThat(HealthStates.of(lb(true), GROUP, slot("DOWN", "L7TOUT", ""), false).reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(HealthStates.of(lb(true), GROUP, slot("DOWN", "L4CON", ""), false))
                .extracting(TargetHealth::reason, TargetHealth::description)
                .containsExactly(Reason.FAILED_HEALTH_CHECKS, "Health checks failed");
        assertThat(Reason.FAILED_HEALTH_CHECKS.code()).isEqualTo("Target.FailedHealthChecks");
    }

    @Test
    void drainingComesFirstAndAGroupNoListenerUsesIsUnused() {
        Slot draining = new Slot("tg-one", "s3", "10.0.1.22", 9090, 12, "DRAIN", "L7OK", "200", 2, 1);
        assertThat(HealthStates.of(lb(false), GROUP, draining, false))
                .extracting(TargetHealth::state, TargetHealth::reason)
                .containsExactly(State.DRAINING, Reason.DEREGISTRATION_IN_PROGRESS);
        TargetHealth unused = HealthStates.of(lb(false), GROUP, slot("UP", "L7OK", "200"), false);
        assertThat(unused).extracting(TargetHealth::state, TargetHealth::reason, TargetHealth::description)
                .containsExactly(State.UNUSED, Reason.NOT_IN_USE, "Target group is not configured to receive traffic from the load balancer");
        assertThat(State.UNUSED.wire()).isEqualTo("unused");
        assertThat(Reason.NOT_IN_USE.code()).isEqualTo("Target.NotInUse");
    }

    @Test
    void matchersExpandToTheCodesTheyTake() {
        HealthCheck check = new HealthCheck(Protocol.HTTP, null, "/", Duration.ofSeconds(5), Duration.ofSeconds(2), 2, 2, "200,204-206");
        assertThat(check.matchedCodes()).containsExactly(200, 204, 205, 206);
    }
}
