package io.berth.runtime.docker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final String NO_BUSYBOX =
            "no static busybox to build the task sandbox image from: apt-get install busybox-static";

    @Test
    void retriesTwiceAsLateEachTimeUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(backoff.failed(NO_BUSYBOX).delay().toSeconds());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aRunOfTheSameFailureIsNewsOnceAndAnotherCauseIsNewsAgain() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertThat(backoff.failed(NO_BUSYBOX).news()).isTrue();
        assertThat(backoff.failed(NO_BUSYBOX).news()).isFalse();
        assertThat(backoff.failed(NO_BUSYBOX).news()).isFalse();
        Backoff.Retry other = backoff.failed("no Docker engine answers");
        assertThat(other.news()).isTrue();
        assertThat(other.delay()).as("still the same run: the wait keeps growing").isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.failed(NO_BUSYBOX).news()).isTrue();
    }

    @Test
    void aSuccessEndsTheRunAndSaysSoOnlyAfterFailures() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertThat(backoff.succeeded()).as("nothing failed").isFalse();
        backoff.failed(NO_BUSYBOX);
        backoff.failed(NO_BUSYBOX);
        assertThat(backoff.succeeded()).isTrue();
        assertThat(backoff.succeeded()).isFalse();
        Backoff.Retry again = backoff.failed(NO_BUSYBOX);
        assertThat(again.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(again.news()).as("a new run of failures is news again").isTrue();
    }
}
