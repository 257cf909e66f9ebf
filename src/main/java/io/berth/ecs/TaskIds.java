package io.berth.ecs;

/** Pieces of task and cluster ARNs in the long format {@code arn:aws:ecs:R:A:task/CLUSTER/ID}. */
final class TaskIds {

    private TaskIds() {
    }

    static String id(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    static String clusterName(String clusterArn) {
        return clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
    }

    static boolean isTaskId(String text) {
        if (text.length() != 32) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
