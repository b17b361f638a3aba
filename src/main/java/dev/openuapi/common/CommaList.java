package dev.openuapi.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A list of names kept in one column, comma-separated (features, ACLs, IP allow-lists, a certificate's
 * domains): the one place that splits and joins them. Order is kept as given; {@code null} stays
 * {@code null} (columns where "not set" means something), and an empty list is the empty string.
 */
@Converter
public class CommaList implements AttributeConverter<List<String>, String> {

    /** Names as a set-valued column keeps them: sorted, each once. */
    public static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().distinct().toList();
    }

    @Override
    public String convertToDatabaseColumn(List<String> names) {
        return names == null ? null : String.join(",", names);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        return column.isEmpty() ? List.of() : List.copyOf(Arrays.asList(column.split(",")));
    }
}
