package io.berth.edge;

import io.berth.edge.query.QueryRecords;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An AWS API as the edge serves it: the protocol it speaks, its SigV4 signing name and the
 * operations it offers.
 */
public sealed interface ServiceDefinition {

    String signingName();

    Map<String, Operation<?, ?>> operations();

    /** AWS JSON 1.1: the operation is named by {@code X-Amz-Target: <targetPrefix>.<Operation>}. */
    record Json(String signingName, String targetPrefix, Map<String, Operation<?, ?>> operations)
            implements ServiceDefinition {
        public Json(String signingName, String targetPrefix, List<Operation<?, ?>> operations) {
            this(signingName, targetPrefix, byName(operations));
            operations.stream().filter(operation -> operation.codec().isPresent()).findFirst().ifPresent(operation -> {
                throw new IllegalStateException(operation.iamAction() + " brings a Query codec to a JSON service");
            });
        }
    }

    /**
     * AWS Query: form-encoded {@code Action=...&Version=...}, answered in XML under the service's
     * namespace. Each operation reads its form and writes its result through its own codec, or,
     * when it brings none, through the record codec of the service's dialect.
     */
    record Query(String signingName, String version, String xmlNamespace, Dialect dialect,
                 Map<String, Operation<?, ?>> operations, Map<String, QueryCodec<?, ?>> codecs) implements ServiceDefinition {
        public Query(String signingName, String version, String xmlNamespace, List<Operation<?, ?>> operations) {
            this(signingName, version, xmlNamespace, Dialect.AWS_QUERY, operations);
        }

        public Query(String signingName, String version, String xmlNamespace, Dialect dialect,
                     List<Operation<?, ?>> operations) {
            this(signingName, version, xmlNamespace, dialect, byName(operations), operations.stream()
                    .collect(Collectors.toUnmodifiableMap(Operation::name, operation -> codecOf(operation, dialect))));
        }

        private static <Q, R> QueryCodec<Q, R> codecOf(Operation<Q, R> operation, Dialect dialect) {
            return operation.codec().orElseGet(() -> QueryRecords.codec(operation.requestType(), dialect));
        }
    }

    /**
     * How a Query service shapes its XML: IAM, STS and ELBv2 wrap results in
     * {@code <OpResult>} with {@code <ResponseMetadata>} and errors in {@code <ErrorResponse>};
     * EC2 puts {@code <requestId>} and the members straight under {@code <OpResponse>} and
     * errors in {@code <Response><Errors>}, and answers a request flagged {@code DryRun}, once it is
     * authorized, with whether it would have succeeded instead of performing it.
     */
    enum Dialect {
        AWS_QUERY, EC2;

        /** Stops an authorized EC2 request flagged {@code DryRun=true} before its operation runs. */
        public void stopDryRun(QueryParameters parameters) {
            if (this == EC2 && parameters.get("DryRun").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)) {
                throw new AwsException("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
            }
        }
    }

    private static Map<String, Operation<?, ?>> byName(List<Operation<?, ?>> operations) {
        return operations.stream().collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));
    }
}
