package io.berth.runtime.docker;

/** A running container's health as the engine's container list reports it ("Up 5 seconds (healthy)"). */
final class ListedHealth {

    private ListedHealth() {
    }

    static String of(String listedStatus) {
        if (listedStatus == null) {
            return null;
        }
        if (listedStatus.contains("(healthy)")) {
            return "healthy";
        }
        if (listedStatus.contains("(unhealthy)")) {
            return "unhealthy";
        }
        return listedStatus.contains("(health: starting)") ? "starting" : null;
    }
}
