package io.berth.ec2;

import io.berth.edge.query.QueryXml;
import io.berth.store.StoredTag;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writing EC2's response XML: lowerCamel elements, lists as {@code <nameSet><item>…</item></nameSet>}. */
final class Ec2Xml {

    private Ec2Xml() {
    }

    @FunctionalInterface
    interface Writer<T> {
        void write(T value, XMLStreamWriter xml) throws XMLStreamException;
    }

    /** {@code <name>text</name>}; nothing for a null text, as EC2 omits absent members. */
    static void element(XMLStreamWriter xml, String name, Object text) throws XMLStreamException {
        QueryXml.element(xml, name, text == null ? null : text.toString());
    }

    /** EC2's timestamps: ISO-8601 with milliseconds. */
    static void element(XMLStreamWriter xml, String name, Instant time) throws XMLStreamException {
        element(xml, name, timestamp(time));
    }

    /** A time as EC2 writes it, to the millisecond: {@code 2026-11-25T12:00:00.123Z}. */
    static String timestamp(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A list, written even when empty, as EC2 writes its sets. */
    static <T> void set(XMLStreamWriter xml, String name, List<T> items, Writer<T> item) throws XMLStreamException {
        xml.writeStartElement(name);
        for (T value : items) {
            xml.writeStartElement("item");
            item.write(value, xml);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    static <T> void structure(XMLStreamWriter xml, String name, T value, Writer<T> members)
            throws XMLStreamException {
        xml.writeStartElement(name);
        members.write(value, xml);
        xml.writeEndElement();
    }

    /** A resource's {@code tagSet}, which EC2 leaves out when there are no tags. */
    static void tagSet(XMLStreamWriter xml, List<StoredTag> tags) throws XMLStreamException {
        if (!tags.isEmpty()) {
            set(xml, "tagSet", tags, Ec2Xml::tag);
        }
    }

    private static void tag(StoredTag tag, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "key", tag.key());
        element(xml, "value", tag.value());
    }
}
