package io.berth.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every Store implementation must do; one subclass per implementation. */
abstract class StoreContract {

    Store store;

    abstract Store open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void putThenGet() {
        store.write(d -> {
            d.put("k", "s", "a", "{\"x\":1}");
            return null;
        });

        assertThat(get("k", "s", "a")).hasValue("{\"x\":1}");
        assertThat(get("k", "other-scope", "a")).isEmpty();
        assertThat(get("other-kind", "s", "a")).isEmpty();
    }

    @Test
    void putReplaces() {
        store.write(d -> {
            d.put("k", "s", "a", "1");
            d.put("k", "s", "a", "2");
            return null;
        });

        assertThat(get("k", "s", "a")).hasValue("2");
    }

    @Test
    void deleteRemoves() {
        store.write(d -> {
            d.put("k", "s", "a", "1");
            return null;
        });

        assertThat(delete("k", "s", "a")).isTrue();
        assertThat(delete("k", "s", "a")).isFalse();
        assertThat(get("k", "s", "a")).isEmpty();
    }

    @Test
    void aFailedWriteChangesNothing() {
        assertThatThrownBy(() -> store.write(d -> {
            d.put("k", "s", "half", "1");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(get("k", "s", "half")).isEmpty();
    }

    @Test
    void listsByPrefixInIdOrderWithResumeAndLimit() {
        store.write(d -> {
            for (String id : List.of("b 2", "a 1", "b 1", "c 1", "b-x 1")) {
                d.put("k", "s", id, id);
            }
            return null;
        });

        assertThat(ids(new Documents.Query("k", "s", "", null, 100, false)))
                .containsExactly("a 1", "b 1", "b 2", "b-x 1", "c 1");
        assertThat(ids(new Documents.Query("k", "s", "b ", null, 100, false))).containsExactly("b 1", "b 2");
        assertThat(ids(new Documents.Query("k", "s", "b", null, 100, true))).containsExactly("b-x 1", "b 2", "b 1");
        assertThat(ids(new Documents.Query("k", "s", "", "b 1", 2, false))).containsExactly("b 2", "b-x 1");
        assertThat(ids(new Documents.Query("k", "s", "", "b 2", 10, true))).containsExactly("b 1", "a 1");
    }

    @Test
    void prefixesHoldAnyCharacter() {
        store.write(d -> {
            for (String id : List.of("g s:1", "g \uD83D\uDE00:1", "g \uFFFF:1", "g \uD83D\uDE00x:1", "h:1")) {
                d.put("k", "s", id, id);
            }
            return null;
        });

        assertThat(ids(new Documents.Query("k", "s", "g \uD83D\uDE00", null, 100, false)))
                .containsExactly("g \uD83D\uDE00:1", "g \uD83D\uDE00x:1");
        assertThat(ids(new Documents.Query("k", "s", "g ", null, 100, false))).hasSize(4);
        assertThat(ids(new Documents.Query("k", "s", "g \uFFFF", null, 100, false))).containsExactly("g \uFFFF:1");
    }

    @Test
    void scanCoversEveryScope() {
        store.write(d -> {
            d.put("k", "b", "2", "x");
            d.put("k", "a", "1", "y");
            d.put("other", "a", "1", "z");
            return null;
        });

        List<Documents.ScopedDocument> scanned = store.read(d -> d.scan("k"));
        assertThat(scanned).containsExactly(
                new Documents.ScopedDocument("a", "1", "y"), new Documents.ScopedDocument("b", "2", "x"));
    }

    @Test
    void everyPutMovesTheVersionOn() {
        assertThat(versioned("a")).isEmpty();
        store.write(d -> {
            d.put("k", "s", "a", "1");
            return null;
        });
        assertThat(versioned("a")).hasValue(new Documents.Versioned("1", 1));
        store.write(d -> {
            d.put("k", "s", "a", "2");
            return null;
        });
        assertThat(versioned("a")).hasValue(new Documents.Versioned("2", 2));
    }

    @Test
    void anExpectedVersionWriteWritesOnlyOverThatVersion() {
        assertThat(putIfVersion("a", "1", 1)).isEmpty();
        assertThat(get("k", "s", "a")).isEmpty();
        assertThat(putIfVersion("a", "1", Documents.ABSENT)).hasValue(1);
        assertThat(putIfVersion("a", "x", Documents.ABSENT)).isEmpty();
        assertThat(putIfVersion("a", "x", 2)).isEmpty();
        assertThat(get("k", "s", "a")).hasValue("1");
        assertThat(putIfVersion("a", "2", 1)).hasValue(2);
        assertThat(versioned("a")).hasValue(new Documents.Versioned("2", 2));
    }

    @Test
    void ofTwoWritersExpectingTheSameVersionOneWins() throws Exception {
        store.write(d -> {
            d.put("k", "s", "a", "start");
            return null;
        });
        for (int round = 0; round < 20; round++) {
            long seen = store.read(d -> d.getVersioned("k", "s", "a")).orElseThrow().version();
            CyclicBarrier start = new CyclicBarrier(2);
            List<Callable<Boolean>> writers = List.of("left", "right").stream().<Callable<Boolean>>map(body -> () -> {
                start.await();
                return store.write(d -> d.putIfVersion("k", "s", "a", body, seen)).isPresent();
            }).toList();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                List<Boolean> won = new ArrayList<>();
                for (Future<Boolean> f : pool.invokeAll(writers)) {
                    won.add(f.get());
                }
                assertThat(won).containsExactlyInAnyOrder(true, false);
            }
            assertThat((long) store.read(d -> d.getVersioned("k", "s", "a")).orElseThrow().version()).isEqualTo(seen + 1);
        }
    }

    @Test
    void readModifyWriteThroughExpectedVersionsLosesNoUpdate() throws Exception {
        int writers = 4;
        int increments = 50;
        Callable<Void> incrementer = () -> {
            for (int i = 0; i < increments; i++) {
                boolean written;
                do {
                    Optional<Documents.Versioned> read = store.read(d -> d.getVersioned("k", "s", "n"));
                    long value = read.map(v -> Long.parseLong(v.body())).orElse(0L);
                    long expected = read.map(Documents.Versioned::version).orElse(Documents.ABSENT);
                    written = store.write(d -> d.putIfVersion("k", "s", "n", Long.toString(value + 1), expected))
                            .isPresent();
                } while (!written);
            }
            return null;
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (Future<Void> f : pool.invokeAll(Collections.nCopies(writers, incrementer))) {
                f.get();
            }
        }

        assertThat(get("k", "s", "n")).hasValue(Integer.toString(writers * increments));
    }

    @Test
    void aReaderNeverSeesHalfATransaction() throws Exception {
        store.write(d -> {
            d.put("k", "s", "a", "0");
            d.put("k", "s", "b", "0");
            return null;
        });
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            Future<Void> writer = pool.submit(() -> {
                try {
                    for (int i = 1; i <= 300; i++) {
                        String value = Integer.toString(i);
                        store.write(d -> {
                            d.put("k", "s", "a", value);
                            d.put("k", "s", "b", value);
                            return null;
                        });
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            Callable<Integer> reader = () -> {
                int reads = 0;
                while (writing.get()) {
                    List<String> pair = store.read(d -> List.of(
                            d.get("k", "s", "a").orElseThrow(), d.get("k", "s", "b").orElseThrow()));
                    assertThat(pair.get(1)).as("b read in the same snapshot as a").isEqualTo(pair.get(0));
                    reads++;
                }
                return reads;
            };
            Future<Integer> first = pool.submit(reader);
            Future<Integer> second = pool.submit(reader);
            writer.get();
            assertThat(first.get() + second.get()).isPositive();
        }
    }

    @Test
    void countersCountCommittedTransactionsOnly() {
        assertThat((long) store.read(d -> d.counter("s", "c"))).isZero();
        assertThat((long) store.write(d -> d.increment("s", "c"))).isEqualTo(1);
        assertThatThrownBy(() -> store.write(d -> {
            d.increment("s", "c");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat((long) store.write(d -> d.increment("s", "c") + d.increment("s", "c"))).isEqualTo(2 + 3);
        assertThat((long) store.read(d -> d.counter("s", "c"))).isEqualTo(3);
        assertThat((long) store.read(d -> d.counter("other-scope", "c"))).isZero();
    }

    private Optional<Documents.Versioned> versioned(String id) {
        return store.read(d -> d.getVersioned("k", "s", id));
    }

    private OptionalLong putIfVersion(String id, String body, long expected) {
        return store.write(d -> d.putIfVersion("k", "s", id, body, expected));
    }

    Optional<String> get(String kind, String scope, String id) {
        return store.read(d -> d.get(kind, scope, id));
    }

    boolean delete(String kind, String scope, String id) {
        return store.write(d -> d.delete(kind, scope, id));
    }

    private List<String> ids(Documents.Query query) {
        return store.read(d -> d.list(query)).stream().map(Documents.Document::id).toList();
    }
}
