package io.berth.edge;

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
        }
    }

    /**
     * AWS Query: form-encoded {@code Action=...&Version=...}, answered in XML under the service's
     * namespace; each operation brings its own decoder from the form and encoder into XML.
     */
    record Query(String signingName, String version, String xmlNamespace, Dialect dialect,
                 Map<String, Operation<?, ?>> operations, Map<String, QueryCodec<?, ?>> codecs) implements ServiceDefinition {
        public Query(String signingName, String version, String xmlNamespace, List<QueryBinding<?, ?>> bindings) {
            this(signingName, version, xmlNamespace, Dialect.AWS_QUERY, bindings);
        }

        public Query(String signingName, String version, String xmlNamespace, Dialect dialect,
                     List<QueryBinding<?, ?>> bindings) {
            this(signingName, version, xmlNamespace, dialect,
                    byName(bindings.stream().<Operation<?, ?>>map(QueryBinding::operation).toList()),
                    bindings.stream().collect(Collectors.toUnmodifiableMap(b -> b.operation().name(), QueryBinding::codec)));
        }
    }

    /**
     * How a Query service shapes its XML: IAM, STS and ELBv2 wrap results in
     * {@code <OpResult>} with {@code <ResponseMetadata>} and errors in {@code <ErrorResponse>};
     * EC2 puts {@code <requestId>} and the members straight under {@code <OpResponse>} and
     * errors in {@code <Response><Errors>}.
     */
    enum Dialect { AWS_QUERY, EC2 }

    /** A Query operation together with its wire codec. */
    record QueryBinding<Q, R>(Operation<Q, R> operation, QueryCodec<Q, R> codec) {
    }

    private static Map<String, Operation<?, ?>> byName(List<Operation<?, ?>> operations) {
        return operations.stream().collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));
    }
}
