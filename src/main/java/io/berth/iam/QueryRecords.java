package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.query.QueryXml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWS Query codecs derived from records, so each IAM operation is one request record and one
 * result record, whatever the wire. A component {@code roleName} is the form parameter and the
 * XML element {@code RoleName}; lists are {@code Name.member.N} in and {@code <member>} out,
 * nested records {@code Name.Member} in and child elements out, timestamps ISO-8601 in seconds.
 * (A candidate for edge/query once a second Query service wants it.)
 */
final class QueryRecords {

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                Class<?>[] types = Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getType).toArray(Class<?>[]::new);
                return type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    private QueryRecords() {
    }

    static <Q extends Record, R extends Record> QueryCodec<Q, R> codec(Class<Q> requestType) {
        return new QueryCodec<>() {
            @Override
            public Q decode(QueryParameters parameters) {
                return QueryRecords.decode(parameters.values(), "", requestType);
            }

            @Override
            public void encodeResult(R response, XMLStreamWriter xml) throws XMLStreamException {
                writeMembers(response, xml);
            }
        };
    }

    static <T> T decode(Map<String, String> values, String prefix, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = prefix + wireName(components[i].getName());
            arguments[i] = decodeValue(values, name, components[i].getType(), components[i].getGenericType());
        }
        try {
            return type.cast(CONSTRUCTORS.get(type).newInstance(arguments));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
    }

    private static Object decodeValue(Map<String, String> values, String name, Class<?> type, Type generic) {
        if (type == String.class) {
            return values.get(name);
        }
        if (type == Integer.class) {
            String text = values.get(name);
            try {
                return text == null ? null : Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw malformed(name, text);
            }
        }
        if (type == Boolean.class) {
            String text = values.get(name);
            if (text == null) {
                return null;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw malformed(name, text);
            };
        }
        if (type == List.class) {
            return decodeList(values, name, (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0]);
        }
        if (type.isRecord()) {
            return hasAny(values, name + ".") ? decode(values, name + ".", type) : null;
        }
        throw new IllegalStateException("unsupported request member type " + type);
    }

    /** A list absent from the form is null; {@code Name=} alone, as the SDKs send an empty list, is empty. */
    private static List<Object> decodeList(Map<String, String> values, String name, Class<?> element) {
        List<Object> items = new ArrayList<>();
        for (int n = 1; ; n++) {
            String member = name + ".member." + n;
            if (element == String.class) {
                String value = values.get(member);
                if (value == null) {
                    break;
                }
                items.add(value);
            } else if (hasAny(values, member + ".")) {
                items.add(decode(values, member + ".", element));
            } else {
                break;
            }
        }
        if (items.isEmpty() && !values.containsKey(name)) {
            return null;
        }
        return items;
    }

    private static boolean hasAny(Map<String, String> values, String prefix) {
        for (String key : values.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static AwsException malformed(String name, String text) {
        return new AwsException("MalformedInput", 400, "Invalid value for parameter " + name + ": " + text);
    }

    /** Writes each non-null component of {@code value} as an element named after it. */
    static void writeMembers(Record value, XMLStreamWriter xml) throws XMLStreamException {
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object member;
            try {
                member = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            write(wireName(component.getName()), member, xml);
        }
    }

    private static void write(String name, Object value, XMLStreamWriter xml) throws XMLStreamException {
        switch (value) {
            case null -> {
            }
            case List<?> list -> {
                xml.writeStartElement(name);
                for (Object item : list) {
                    write("member", item, xml);
                }
                xml.writeEndElement();
            }
            case Record record -> {
                xml.writeStartElement(name);
                writeMembers(record, xml);
                xml.writeEndElement();
            }
            case Instant instant -> QueryXml.element(xml, name, timestamp(instant));
            default -> QueryXml.element(xml, name, value.toString());
        }
    }

    /** IAM's timestamps: ISO-8601 in whole seconds, e.g. 2026-11-25T12:00:00Z. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String wireName(String component) {
        return Character.toUpperCase(component.charAt(0)) + component.substring(1);
    }
}
