package io.berth.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The embedded store: one SQLite database file in WAL mode. Writes are serialised on the single
 * writer connection (guarded by {@link #writeLock}) and synced before commit returns; reads run
 * concurrently on a small pool of read-only connections, which WAL lets see the last commit.
 */
public final class SqliteStore implements Store {

    private static final int READERS = 4;

    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    private SqliteStore(Connection writer) {
        this.writer = writer;
    }

    public static SqliteStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Connection writer = DriverManager.getConnection(url);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            Migrations.apply(writer);
            SqliteStore store = new SqliteStore(writer);
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                try (Statement s = reader.createStatement()) {
                    s.execute("PRAGMA busy_timeout=10000");
                    s.execute("PRAGMA query_only=true");
                }
                store.readers.add(reader);
            }
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(Function<Documents, T> work) {
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a read connection", e);
        }
        try {
            reader.setAutoCommit(false);
            try {
                return work.apply(new SqlDocuments(reader));
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    @Override
    public <T> T write(Function<Documents, T> work) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.apply(new SqlDocuments(writer));
                writer.commit();
                return result;
            } catch (RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Connection reader : readers) {
                reader.close();
            }
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("close failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The least string above every string that starts with {@code prefix}, in code point order
     * (which is SQLite's order for UTF-8 text): the prefix with its last code point incremented;
     * null when there is none (a prefix of nothing but the highest code point).
     */
    static String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < Character.MAX_CODE_POINT) {
                int next = codePoints[i] + 1;
                codePoints[i] = next == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
                return new String(codePoints, 0, i + 1);
            }
        }
        return null;
    }

    /** Documents over one JDBC connection; the caller owns the transaction. */
    private record SqlDocuments(Connection connection) implements Documents {

        @Override
        public Optional<String> get(String kind, String scope, String id) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT body FROM documents WHERE kind = ? AND scope = ? AND id = ?")) {
                s.setString(1, kind);
                s.setString(2, scope);
                s.setString(3, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("get failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<Versioned> getVersioned(String kind, String scope, String id) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT body, version FROM documents WHERE kind = ? AND scope = ? AND id = ?")) {
                s.setString(1, kind);
                s.setString(2, scope);
                s.setString(3, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Versioned(rs.getString(1), rs.getLong(2))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("get failed: " + e.getMessage(), e);
            }
        }

        @Override
        public OptionalLong putIfVersion(String kind, String scope, String id, String body, long expectedVersion) {
            // Writes are serialised on one connection, so reading the version then writing is atomic.
            long current = getVersioned(kind, scope, id).map(Versioned::version).orElse(ABSENT);
            if (current != expectedVersion) {
                return OptionalLong.empty();
            }
            put(kind, scope, id, body);
            return OptionalLong.of(current + 1);
        }

        @Override
        public long increment(String scope, String name) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO counters(scope, name, value) VALUES (?, ?, 1) "
                            + "ON CONFLICT(scope, name) DO UPDATE SET value = value + 1 RETURNING value")) {
                s.setString(1, scope);
                s.setString(2, name);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new StoreException("increment failed: " + e.getMessage(), e);
            }
        }

        @Override
        public long counter(String scope, String name) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT value FROM counters WHERE scope = ? AND name = ?")) {
                s.setString(1, scope);
                s.setString(2, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw new StoreException("counter failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void put(String kind, String scope, String id, String body) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO documents(kind, scope, id, body) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT(kind, scope, id) DO UPDATE SET body = excluded.body, version = version + 1")) {
                s.setString(1, kind);
                s.setString(2, scope);
                s.setString(3, id);
                s.setString(4, body);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("put failed: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean delete(String kind, String scope, String id) {
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM documents WHERE kind = ? AND scope = ? AND id = ?")) {
                s.setString(1, kind);
                s.setString(2, scope);
                s.setString(3, id);
                return s.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new StoreException("delete failed: " + e.getMessage(), e);
            }
        }

        @Override
        public List<ScopedDocument> scan(String kind) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT scope, id, body FROM documents WHERE kind = ? ORDER BY scope, id")) {
                s.setString(1, kind);
                List<ScopedDocument> documents = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        documents.add(new ScopedDocument(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return documents;
            } catch (SQLException e) {
                throw new StoreException("scan failed: " + e.getMessage(), e);
            }
        }

        @Override
        public List<Document> list(Query query) {
            String order = query.descending() ? "DESC" : "ASC";
            String bound = query.after() == null ? "" : query.descending() ? " AND id < ?" : " AND id > ?";
            boolean prefixed = !query.idPrefix().isEmpty();
            String upper = prefixed ? successor(query.idPrefix()) : null;
            String sql = "SELECT id, body FROM documents WHERE kind = ? AND scope = ?"
                    + (prefixed ? " AND id >= ?" : "") + (upper != null ? " AND id < ?" : "")
                    + bound + " ORDER BY id " + order + " LIMIT ?";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, query.kind());
                s.setString(i++, query.scope());
                if (prefixed) {
                    s.setString(i++, query.idPrefix());
                }
                if (upper != null) {
                    s.setString(i++, upper);
                }
                if (query.after() != null) {
                    s.setString(i++, query.after());
                }
                s.setInt(i, query.limit());
                List<Document> documents = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        documents.add(new Document(rs.getString(1), rs.getString(2)));
                    }
                }
                return documents;
            } catch (SQLException e) {
                throw new StoreException("list failed: " + e.getMessage(), e);
            }
        }
    }
}
