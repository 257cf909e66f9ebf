package io.berth.control.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ControlLoopTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    @Test
    void aKeyHasAtMostOneWorkerAndIsPickedUpAgainOnceItsWorkerEnds() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (ControlLoop<String> loop = new ControlLoop<>("test", LONG, dispatch -> {
            rounds.incrementAndGet();
            dispatch.accept("a");
            dispatch.accept("a");
        }, key -> {
            started.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            loop.start();
            await(() -> started.get() == 1);
            loop.signal();
            await(() -> rounds.get() >= 2);
            assertThat(started).hasValue(1);

            release.countDown();
            loop.signal();
            await(() -> started.get() >= 2);
        }
    }

    @Test
    void wakeUpsDuringARoundCollapseIntoOneMoreRound() {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch inRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ControlLoop<String> loop = new ControlLoop<>("test", LONG, dispatch -> {
            if (rounds.incrementAndGet() == 1) {
                inRound.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, key -> { })) {
            loop.start();
            try {
                assertThat(inRound.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            for (int i = 0; i < 5; i++) {
                loop.signal();
            }
            release.countDown();
            await(() -> rounds.get() >= 2);
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            assertThat(rounds).hasValue(2);
        }
    }

    @Test
    void aFailingRoundOrWorkerDoesNotStopTheLoop() {
        AtomicInteger rounds = new AtomicInteger();
        List<String> keys = List.of("x");
        try (ControlLoop<String> loop = new ControlLoop<>("test", Duration.ofMillis(10), dispatch -> {
            if (rounds.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("round fails");
            }
            keys.forEach(dispatch);
        }, key -> {
            throw new IllegalStateException("worker fails");
        })) {
            loop.start();
            await(() -> rounds.get() >= 5);
        }
    }
}
