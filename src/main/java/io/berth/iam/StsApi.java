package io.berth.iam;

import io.berth.edge.Operation;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.RequestContext;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.query.QueryXml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.List;

/** AWS STS over the Query protocol. */
public final class StsApi {

    public static final String VERSION = "2011-06-15";
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsApi() {
    }

    public record GetCallerIdentityRequest() {
    }

    public record CallerIdentity(String userId, String account, String arn) {
    }

    public static ServiceDefinition definition() {
        return new ServiceDefinition.Query("sts", VERSION, NAMESPACE, List.of(
                new ServiceDefinition.QueryBinding<>(
                        // Any valid credential may ask who it is: AWS checks no permission, so no resources.
                        Operation.of("sts", "GetCallerIdentity", GetCallerIdentityRequest.class,
                                (context, request) -> List.of(), StsApi::getCallerIdentity),
                        new QueryCodec<GetCallerIdentityRequest, CallerIdentity>() {
                            @Override
                            public GetCallerIdentityRequest decode(QueryParameters parameters) {
                                return new GetCallerIdentityRequest();
                            }

                            @Override
                            public void encodeResult(CallerIdentity identity, XMLStreamWriter xml) throws XMLStreamException {
                                QueryXml.element(xml, "Arn", identity.arn());
                                QueryXml.element(xml, "UserId", identity.userId());
                                QueryXml.element(xml, "Account", identity.account());
                            }
                        })));
    }

    static CallerIdentity getCallerIdentity(RequestContext context, GetCallerIdentityRequest request) {
        return new CallerIdentity(context.principal().userId(), context.accountId(), context.principal().arn());
    }
}
