package io.berth.edge.query;

import io.berth.edge.AwsException;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.ServiceDefinition.Dialect;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Query codec derived from records, so a Query operation is a request record, a result record
 * and a handler, whatever the wire. A component {@code roleName} is the form parameter
 * {@code RoleName}; nested records are {@code Name.Member}; strings, integers, longs, doubles,
 * booleans and timestamps (ISO-8601) are their text. The dialect decides the rest:
 * <ul>
 * <li>AWS Query (IAM, STS, ELBv2): lists are {@code Name.member.N} in and {@code <member>} out,
 * maps {@code Name.entry.N.key} / {@code .value} in and {@code <entry><key/><value/></entry>} out,
 * elements are named as the parameters ({@code <RoleName>}), timestamps are in whole seconds;</li>
 * <li>EC2: lists are {@code Name.N} in and {@code <item>} out, elements are lowerCamel
 * ({@code <vpcId>}), timestamps to the millisecond.</li>
 * </ul>
 * A list absent from the form is null; {@code Name=} alone, as the SDKs send an empty list, is
 * empty. Only record components are read reflectively: the canonical constructor builds a
 * request (so request records are public), the accessors read a result.
 */
public final class QueryRecords {

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

    private final Dialect dialect;

    private QueryRecords(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The AWS Query (IAM, STS, ELBv2) codec of a request record and whatever result record its operation answers. */
    public static <Q, R> QueryCodec<Q, R> codec(Class<Q> requestType) {
        return codec(requestType, Dialect.AWS_QUERY);
    }

    /**
     * @throws IllegalStateException when {@code requestType} is not a record: an operation that
     *                               cannot be read this way must bring its own codec
     */
    public static <Q, R> QueryCodec<Q, R> codec(Class<Q> requestType, Dialect dialect) {
        if (!requestType.isRecord()) {
            throw new IllegalStateException(requestType + " is not a record; its operation needs a codec of its own");
        }
        requirePublic(requestType, new HashSet<>());
        QueryRecords records = new QueryRecords(dialect);
        return new QueryCodec<>() {
            @Override
            public Q decode(QueryParameters parameters) {
                return records.decode(parameters.values(), "", requestType);
            }

            @Override
            public void encodeResult(R response, XMLStreamWriter xml) throws XMLStreamException {
                if (!(response instanceof Record record)) {
                    throw new IllegalStateException("not a record: " + response);
                }
                records.writeMembers(record, xml);
            }
        };
    }

    /** The codec builds a request's records through their constructors, which it may call only when they are public. */
    private static void requirePublic(Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalStateException(type + " must be public for the record codec to build it");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            requirePublic(component.getType(), seen);
            if (component.getGenericType() instanceof ParameterizedType generic) {
                for (Type argument : generic.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        requirePublic(element, seen);
                    }
                }
            }
        }
    }

    private <T> T decode(Map<String, String> values, String prefix, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = prefix + parameterName(components[i].getName());
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

    private Object decodeValue(Map<String, String> values, String name, Class<?> type, Type generic) {
        if (type == List.class) {
            return decodeList(values, name, typeArgument(generic, 0));
        }
        if (type == Map.class) {
            return decodeMap(values, name, typeArgument(generic, 1));
        }
        if (type.isRecord()) {
            return hasAny(values, name + ".") ? decode(values, name + ".", type) : null;
        }
        String text = values.get(name);
        return text == null ? null : scalar(name, text, type);
    }

    private Object scalar(String name, String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        try {
            if (type == Integer.class) {
                return Integer.valueOf(text.trim());
            }
            if (type == Long.class) {
                return Long.valueOf(text.trim());
            }
            if (type == Double.class) {
                return Double.valueOf(text.trim());
            }
            if (type == Instant.class) {
                return Instant.parse(text.trim());
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed(name, text, type);
        }
        if (type == Boolean.class) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw malformed(name, text, type);
            };
        }
        throw new IllegalStateException("unsupported request member type " + type);
    }

    private List<Object> decodeList(Map<String, String> values, String name, Class<?> element) {
        String items = dialect == Dialect.EC2 ? name + "." : name + ".member.";
        List<Object> decoded = new ArrayList<>();
        for (int n = 1; ; n++) {
            String item = items + n;
            Object value = element.isRecord() ? (hasAny(values, item + ".") ? decode(values, item + ".", element) : null)
                    : values.containsKey(item) ? scalar(item, values.get(item), element) : null;
            if (value == null) {
                break;
            }
            decoded.add(value);
        }
        if (decoded.isEmpty() && !values.containsKey(name)) {
            return null;
        }
        return Collections.unmodifiableList(decoded);
    }

    /** {@code Name.entry.N.key} and {@code .value}, in the order sent; absent is null, {@code Name=} empty. */
    private Map<String, Object> decodeMap(Map<String, String> values, String name, Class<?> valueType) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        for (int n = 1; ; n++) {
            String entry = name + ".entry." + n + ".";
            String key = values.get(entry + "key");
            if (key == null) {
                break;
            }
            String value = values.get(entry + "value");
            decoded.put(key, value == null ? null : scalar(entry + "value", value, valueType));
        }
        if (decoded.isEmpty() && !values.containsKey(name)) {
            return null;
        }
        return Collections.unmodifiableMap(decoded);
    }

    private static Class<?> typeArgument(Type generic, int index) {
        return (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[index];
    }

    private static boolean hasAny(Map<String, String> values, String prefix) {
        for (String key : values.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private AwsException malformed(String name, String text, Class<?> type) {
        if (dialect == Dialect.EC2) {
            return new AwsException("InvalidParameterValue", 400, "Invalid value '" + text + "' for " + name
                    + ". Not a valid " + type.getSimpleName().toLowerCase(Locale.ROOT) + ".");
        }
        return new AwsException("MalformedInput", 400, "Invalid value for parameter " + name + ": " + text);
    }

    /** Writes each non-null component of {@code value} as an element named after it. */
    private void writeMembers(Record value, XMLStreamWriter xml) throws XMLStreamException {
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object member;
            try {
                member = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            write(elementName(component.getName()), member, xml);
        }
    }

    private void write(String name, Object value, XMLStreamWriter xml) throws XMLStreamException {
        switch (value) {
            case null -> {
            }
            case List<?> list -> {
                xml.writeStartElement(name);
                for (Object item : list) {
                    write(dialect == Dialect.EC2 ? "item" : "member", item, xml);
                }
                xml.writeEndElement();
            }
            case Map<?, ?> map -> {
                xml.writeStartElement(name);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    xml.writeStartElement("entry");
                    write("key", entry.getKey(), xml);
                    write("value", entry.getValue(), xml);
                    xml.writeEndElement();
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

    /** AWS Query's timestamps in whole seconds (2026-11-25T12:00:00Z), EC2's to the millisecond. */
    private String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(
                dialect == Dialect.EC2 ? ChronoUnit.MILLIS : ChronoUnit.SECONDS));
    }

    private static String parameterName(String component) {
        return Character.toUpperCase(component.charAt(0)) + component.substring(1);
    }

    private String elementName(String component) {
        return dialect == Dialect.EC2 ? component : parameterName(component);
    }
}
