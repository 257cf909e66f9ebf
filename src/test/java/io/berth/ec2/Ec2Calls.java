package io.berth.ec2;

import io.berth.edge.Operation;
import io.berth.edge.Principal;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.RequestContext;
import io.berth.edge.ServiceDefinition;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs EC2 operations the way the edge does, without HTTP and signing: decode the form, resolve
 * the IAM resources, stop a dry run, invoke, and write the response members, here inside a {@code <members>} root.
 */
final class Ec2Calls {

    private final ServiceDefinition.Query service;
    private final RequestContext context;

    Ec2Calls(ServiceDefinition.Query service, String accountId, String region, Instant now) {
        this.service = service;
        this.context = new RequestContext("test", Principal.root(accountId, "AKIDEXAMPLE"), region, now, "127.0.0.1");
    }

    /** The response members of {@code action} given form parameters as name, value pairs. */
    String call(String action, String... form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            values.put(form[i], form[i + 1]);
        }
        return invoke(service.operations().get(action), new QueryParameters(values));
    }

    @SuppressWarnings("unchecked")
    private <Q, R> String invoke(Operation<Q, R> operation, QueryParameters parameters) {
        QueryCodec<Q, R> codec = (QueryCodec<Q, R>) service.codecs().get(operation.name());
        Q input = codec.decode(parameters);
        operation.permissionsFor(context, input);
        service.dialect().stopDryRun(parameters);
        R output = operation.invoke(context, input);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartElement("members");
            codec.encodeResult(output, xml);
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** The XML with every EC2 id's 17 hex digits replaced by {@code ID}, so it can be compared whole. */
    static String withoutIds(String xml) {
        return xml.replaceAll("\\b(vpc|subnet|sg|sgr|eni|eni-attach|ela-attach|dopt|vpc-cidr-assoc|rtb|rtbassoc|acl|aclassoc)-[0-9a-f]{17}\\b", "$1-ID");
    }
}
