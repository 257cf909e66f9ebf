package io.berth;

import io.berth.ecs.EcsApi;
import io.berth.edge.Dispatcher;
import io.berth.edge.HttpEdge;
import io.berth.iam.Credentials;
import io.berth.iam.RootCredentials;
import io.berth.iam.RootOnlyAuthorizer;
import io.berth.iam.StsApi;
import io.berth.store.SqliteStore;
import io.berth.store.Store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.List;

/** A running Berth: the store, the services and the HTTP edge, wired together. */
public final class BerthServer implements AutoCloseable {

    public static final String STORE_FILE = "berth.db";

    private final Store store;
    private final HttpEdge edge;
    private final RootCredentials rootCredentials;

    private BerthServer(Store store, HttpEdge edge, RootCredentials rootCredentials) {
        this.store = store;
        this.edge = edge;
        this.rootCredentials = rootCredentials;
    }

    public static BerthServer start(BerthConfig config, InstantSource clock) throws IOException {
        Files.createDirectories(config.dataDir());
        RootCredentials root = config.rootAccessKeyId() != null
                ? new RootCredentials(config.rootAccessKeyId(), config.rootSecretAccessKey())
                : RootCredentials.loadOrCreate(config.dataDir());
        Store store = SqliteStore.open(config.dataDir().resolve(STORE_FILE));
        try {
            Dispatcher dispatcher = new Dispatcher(
                    List.of(EcsApi.definition(store), StsApi.definition()),
                    new Credentials(config.accountId(), root), new RootOnlyAuthorizer(), clock, config.maxClockSkew());
            HttpEdge edge = new HttpEdge(new InetSocketAddress(config.bind(), config.port()), dispatcher, Version.VALUE);
            edge.start();
            return new BerthServer(store, edge, root);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return edge.address().getPort();
    }

    public String endpoint() {
        return "http://" + edge.address().getHostString() + ":" + port();
    }

    public RootCredentials rootCredentials() {
        return rootCredentials;
    }

    @Override
    public void close() {
        edge.close();
        store.close();
    }
}
