package io.berth.edge.sigv4;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived signing keys by (secret, date, region, service). A key is valid for a whole day, so
 * nearly every request hits; when the map fills up it is simply emptied, which bounds memory
 * without the bookkeeping of an LRU.
 */
final class SigningKeyCache {
    private record Scope(String secret, String date, String region, String service) {
    }

    private final ConcurrentHashMap<Scope, byte[]> keys = new ConcurrentHashMap<>();
    private final int capacity;

    SigningKeyCache(int capacity) {
        this.capacity = capacity;
    }

    byte[] signingKey(String secret, String date, String region, String service) {
        Scope scope = new Scope(secret, date, region, service);
        byte[] key = keys.get(scope);
        if (key == null) {
            key = Crypto.signingKey(secret, date, region, service);
            if (keys.size() >= capacity) {
                keys.clear();
            }
            keys.put(scope, key);
        }
        return key;
    }

    int size() {
        return keys.size();
    }
}
