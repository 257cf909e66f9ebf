package io.berth.iam.policy;

import java.util.List;

/** Looks up the values of a condition key; the key is given in lower case. Null when absent. */
@FunctionalInterface
interface KeyResolver {
    List<String> values(String lowerCaseKey);
}
