package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Filter;
import io.berth.ec2.Ec2Messages.Tag;
import io.berth.ec2.Ec2Messages.TagSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An EC2 request's form parameters, read as the EC2 protocol flattens them: lists as
 * {@code Name.1}, {@code Name.2}, structures within them as {@code Name.1.Member}. A view may
 * be rooted inside a structure ({@code IpPermissions.1.}).
 */
final class Ec2Params {

    private final Map<String, String> values;
    private final String prefix;

    Ec2Params(Map<String, String> values) {
        this(values, "");
    }

    private Ec2Params(Map<String, String> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    String string(String name) {
        return values.get(prefix + name);
    }

    boolean has(String name) {
        return values.containsKey(prefix + name);
    }

    Integer integer(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Ec2Errors.invalidParameterValue("Invalid value '" + text + "' for " + name + ". Not a valid integer.");
        }
    }

    /** A boolean EC2 reads strictly: true or false in any case; null when absent. */
    Boolean bool(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Ec2Errors.invalidParameterValue("Invalid value '" + text + "' for " + name
                    + ". Not a valid boolean.");
        };
    }

    /** {@code Name.1}, {@code Name.2}, … up to the first missing index. */
    List<String> strings(String name) {
        List<String> items = new ArrayList<>();
        for (int n = 1; has(name + "." + n); n++) {
            items.add(string(name + "." + n));
        }
        return items;
    }

    /** Views of {@code Name.1.}, {@code Name.2.}, … up to the first index with no member. */
    List<Ec2Params> structures(String name) {
        List<Ec2Params> items = new ArrayList<>();
        for (int n = 1; ; n++) {
            String item = prefix + name + "." + n + ".";
            if (values.keySet().stream().noneMatch(key -> key.startsWith(item))) {
                return items;
            }
            items.add(new Ec2Params(values, item));
        }
    }

    List<Filter> filters() {
        return structures("Filter").stream().map(f -> new Filter(f.string("Name"), f.strings("Value"))).toList();
    }

    List<Tag> tags(String name) {
        return structures(name).stream().map(t -> new Tag(t.string("Key"), t.string("Value"))).toList();
    }

    List<TagSpecification> tagSpecifications() {
        return structures("TagSpecification").stream()
                .map(s -> new TagSpecification(s.string("ResourceType"), s.tags("Tag"))).toList();
    }
}
