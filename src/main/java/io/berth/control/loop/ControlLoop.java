package io.berth.control.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The runner every control loop shares: level-driven rounds, each started when signalled or after
 * {@code interval}, whichever comes first; wake-ups that arrive during a round collapse into one
 * more round. A round hands keys (a task, a service...) to {@code worker}, each on its own virtual
 * thread, at most one worker per key at a time: a key still being worked on is skipped, and the
 * next round picks it up again. A failing round or worker is logged and the loop goes on.
 *
 * @param <K> what one worker converges (a key, compared by equality)
 */
public final class ControlLoop<K> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);

    /** One round: reads desired and actual state, does what is cheap inline, dispatches the rest by key. */
    @FunctionalInterface
    public interface Round<K> {
        void run(Consumer<K> dispatch);
    }

    private final String name;
    private final Duration interval;
    private final Round<K> round;
    private final Consumer<K> worker;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<K> busy = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread loop;
    private volatile boolean running = true;

    public ControlLoop(String name, Duration interval, Round<K> round, Consumer<K> worker) {
        this.name = name;
        this.interval = interval;
        this.round = round;
        this.worker = worker;
        this.loop = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    public void start() {
        loop.start();
    }

    /** Asks for a round soon; any number of calls before it starts make one round. */
    public void signal() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                round.run(this::dispatch);
            } catch (RuntimeException e) {
                log.warn("{} round failed: {}", name, e.getMessage());
            }
            try {
                wakeUp.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatch(K key) {
        if (!busy.add(key)) {
            return;
        }
        try {
            workers.submit(() -> {
                try {
                    worker.accept(key);
                } catch (RuntimeException e) {
                    log.warn("{} key={} failed: {}", name, key, e.getMessage());
                } finally {
                    busy.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            busy.remove(key); // closed meanwhile
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        workers.shutdownNow();
    }
}
