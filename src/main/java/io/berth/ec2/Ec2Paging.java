package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.kit.PageTokens;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * EC2's Describe paging: {@code MaxResults} within the operation's bounds (all results when
 * absent), and opaque {@code NextToken}s carrying the last id returned.
 */
final class Ec2Paging {

    private static final PageTokens TOKENS = new PageTokens(token -> Ec2Errors.error("InvalidNextToken",
            "The token '" + token + "' is invalid."));

    private Ec2Paging() {
    }

    /** The operation's bounds on MaxResults, and the wire name of its ids parameter. */
    record Bounds(int min, int max, String idsParameter) {
    }

    /**
     * The page of {@code fetch}'s items (in id order) that pass {@code keep}, after the token's
     * position. Ids named in the request are never paged, as in EC2.
     */
    static <T> Page<T> page(DescribeRequest request, Bounds bounds, BiFunction<String, Integer, List<T>> fetch,
                            Predicate<T> keep, Function<T, String> idOf) {
        validate(request, bounds);
        PageTokens.Page<T> page = TOKENS.page(request.nextToken(), limit(request.maxResults(), bounds), fetch, keep,
                idOf);
        return new Page<>(page.items(), page.nextToken());
    }

    /** Checks the paging parameters on their own, as EC2 does before it looks any resource up. */
    static void validate(DescribeRequest request, Bounds bounds) {
        if (request.maxResults() != null && !request.ids().isEmpty()) {
            throw Ec2Errors.error("InvalidParameterCombination", "The parameter " + bounds.idsParameter()
                    + " cannot be used with the parameter maxResults");
        }
        limit(request.maxResults(), bounds);
        TOKENS.decode(request.nextToken());
    }

    private static int limit(Integer maxResults, Bounds bounds) {
        if (maxResults == null) {
            return Integer.MAX_VALUE - 1;
        }
        if (maxResults < bounds.min() || maxResults > bounds.max()) {
            throw Ec2Errors.invalidParameterValue("Value ( " + maxResults + " ) for parameter maxResults is invalid. "
                    + "Parameter must be between " + bounds.min() + " and " + bounds.max() + ".");
        }
        return maxResults;
    }
}
