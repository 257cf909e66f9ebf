package io.berth;

/** Berth's version, as the build stamped it into the jar manifest. */
final class Version {
    static final String VALUE = java.util.Objects.requireNonNullElse(
            Version.class.getPackage().getImplementationVersion(), "dev");

    private Version() {
    }
}
