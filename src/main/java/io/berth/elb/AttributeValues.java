package io.berth.elb;

import java.util.Set;

/**
 * The checks ELB applies to one attribute value, worded for the kind of resource that holds it
 * ("load balancer", "target group").
 */
record AttributeValues(String holder) {

    void range(String key, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below, as an out-of-range number
        }
        throw invalid(key, value, "must be an integer between '" + min + "' and '" + max + "'");
    }

    void oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw invalid(key, value, "must be one of " + allowed.stream().sorted().toList());
        }
    }

    RuntimeException invalid(String key, String value, String rule) {
        return ElbErrors.validation("The value '" + value + "' of " + holder + " attribute '" + key
                + "' is not valid: it " + rule);
    }
}
