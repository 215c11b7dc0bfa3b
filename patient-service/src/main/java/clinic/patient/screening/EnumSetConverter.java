package clinic.patient.screening;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a small set of codes as one comma-separated column: a screening is read whole and never queried by a single
 * sign, so a join table would only add statements.
 */
abstract class EnumSetConverter<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {

    private final Class<E> type;

    EnumSetConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(Set<E> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(values).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<E> convertToEntityAttribute(String column) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(","))
                    .map(code -> Enum.valueOf(type, code))
                    .forEach(set::add);
        }
        return set;
    }

    @Converter
    static class RedFlags extends EnumSetConverter<RedFlag> {
        RedFlags() {
            super(RedFlag.class);
        }
    }

    @Converter
    static class SciaticaSigns extends EnumSetConverter<SciaticaSign> {
        SciaticaSigns() {
            super(SciaticaSign.class);
        }
    }

    @Converter
    static class OtherSigns extends EnumSetConverter<OtherSign> {
        OtherSigns() {
            super(OtherSign.class);
        }
    }
}
