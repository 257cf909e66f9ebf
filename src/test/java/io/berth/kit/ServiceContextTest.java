package io.berth.kit;

import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceContextTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givesTheServiceItsStoreClockAndIds() {
        ServiceContext<String> context = ServiceContext.of(store, InstantSource.fixed(NOW), "ids");
        assertThat(context.store()).isSameAs(store);
        assertThat(context.ids()).isEqualTo("ids");
        assertThat(context.now()).isEqualTo(NOW);
    }

    @Test
    void whatItWritesItReads() {
        ServiceContext<Void> context = ServiceContext.of(store, InstantSource.fixed(NOW), null);
        String done = context.write(documents -> {
            documents.put("kit.test", "scope", "a", "{\"n\":1}");
            return "done";
        });
        assertThat(done).isEqualTo("done");
        assertThat(stored(context, "a")).contains("{\"n\":1}");
    }

    @Test
    void runsItsStepLastInEveryWriteTransaction() {
        List<String> steps = new ArrayList<>();
        ServiceContext<Void> context = ServiceContext.<Void>of(store, InstantSource.fixed(NOW), null)
                .afterEachWrite(documents -> {
                    steps.add("after " + documents.get("kit.test", "scope", "a").orElse("none"));
                    documents.put("kit.test", "scope", "generation", "{}");
                })
                .afterEachWrite(documents -> steps.add("second"));
        context.write(documents -> {
            steps.add("work");
            documents.put("kit.test", "scope", "a", "{}");
            return null;
        });
        assertThat(steps).containsExactly("work", "after {}", "second");
        assertThat(stored(context, "generation")).isPresent();
        stored(context, "a");
        assertThat(steps).as("reads run no step").hasSize(3);
    }

    @Test
    void aFailedWriteKeepsNothingOfItsStep() {
        ServiceContext<Void> context = ServiceContext.<Void>of(store, InstantSource.fixed(NOW), null)
                .afterEachWrite(documents -> {
                    documents.put("kit.test", "scope", "generation", "{}");
                    throw new IllegalStateException("refused");
                });
        assertThatThrownBy(() -> context.write(documents -> {
            documents.put("kit.test", "scope", "a", "{}");
            return null;
        })).hasMessageContaining("refused");
        assertThat(stored(context, "a")).isEmpty();
        assertThat(stored(context, "generation")).isEmpty();
    }

    @Test
    void inWholeSecondsDropsTheFractionAndKeepsTheRest() {
        ServiceContext<String> context = ServiceContext.of(store, InstantSource.fixed(NOW), "ids")
                .afterEachWrite(documents -> documents.put("kit.test", "scope", "mark", "{}"))
                .inWholeSeconds();
        assertThat(context.now()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(context.clock().instant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(context.ids()).isEqualTo("ids");
        context.write(documents -> null);
        assertThat(stored(context, "mark")).isPresent();
    }

    private static Optional<String> stored(ServiceContext<?> context, String id) {
        return context.read(documents -> documents.get("kit.test", "scope", id));
    }
}
