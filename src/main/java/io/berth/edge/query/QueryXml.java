package io.berth.edge.query;

import io.berth.edge.AwsException;
import io.berth.edge.EdgeResponse;
import io.berth.edge.QueryCodec;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/** AWS Query responses and errors as XML documents. */
public final class QueryXml {

    private static final String CONTENT_TYPE = "text/xml";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private QueryXml() {
    }

    public static <R> EdgeResponse response(String operation, String namespace, String requestId,
                                            QueryCodec<?, R> codec, R result) {
        return write(200, xml -> {
            xml.writeStartElement(operation + "Response");
            xml.writeDefaultNamespace(namespace);
            xml.writeStartElement(operation + "Result");
            codec.encodeResult(result, xml);
            xml.writeEndElement();
            xml.writeStartElement("ResponseMetadata");
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** An EC2 response: {@code <requestId>} and the members directly under {@code <OpResponse>}. */
    public static <R> EdgeResponse ec2Response(String operation, String namespace, String requestId,
                                               QueryCodec<?, R> codec, R result) {
        return write(200, xml -> {
            xml.writeStartElement(operation + "Response");
            xml.writeDefaultNamespace(namespace);
            element(xml, "requestId", requestId);
            codec.encodeResult(result, xml);
            xml.writeEndElement();
        });
    }

    /** An EC2 error: {@code <Response><Errors><Error>…</Error></Errors><RequestID/></Response>}. */
    public static EdgeResponse ec2Error(AwsException error, String requestId) {
        return write(error.status(), xml -> {
            xml.writeStartElement("Response");
            xml.writeStartElement("Errors");
            xml.writeStartElement("Error");
            element(xml, "Code", error.code());
            element(xml, "Message", error.getMessage());
            xml.writeEndElement();
            xml.writeEndElement();
            element(xml, "RequestID", requestId);
            xml.writeEndElement();
        });
    }

    public static EdgeResponse error(AwsException error, String namespace, String requestId) {
        return write(error.status(), xml -> {
            xml.writeStartElement("ErrorResponse");
            if (namespace != null) {
                xml.writeDefaultNamespace(namespace);
            }
            xml.writeStartElement("Error");
            element(xml, "Type", error.senderFault() ? "Sender" : "Receiver");
            element(xml, "Code", error.code());
            element(xml, "Message", error.getMessage());
            xml.writeEndElement();
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
        });
    }

    /** Writes {@code <name>text</name>}; a null text writes nothing, as AWS omits absent members. */
    public static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static EdgeResponse write(int status, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return new EdgeResponse(status, CONTENT_TYPE, out.toByteArray());
    }
}
