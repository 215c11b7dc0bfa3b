package clinic.patient.screening;

import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores a small set of codes as one comma-separated column: a screening is read whole and never queried by a single
 * sign, so a join table would only add statements. Reading never fails on a code the vocabulary no longer has: the
 * first release stored constant severe pain as the "other" sign {@code POSITION_INDEPENDENT_PAIN}; migration V2 moved
 * it to the red flags, and a stray copy is read as the red flag it is ({@link RedFlag#fromCode}) or skipped.
 */
abstract class EnumSetConverter<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {

    private final Class<E> type;
    private final Function<String, Optional<E>> parse;

    EnumSetConverter(Class<E> type, Function<String, Optional<E>> parse) {
        this.type = type;
        this.parse = parse;
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
                    .map(parse)
                    .flatMap(Optional::stream)
                    .forEach(set::add);
        }
        return set;
    }

    @Converter
    static class RedFlags extends EnumSetConverter<RedFlag> {
        RedFlags() {
            super(RedFlag.class, RedFlag::fromCode);
        }
    }

    @Converter
    static class SciaticaSigns extends EnumSetConverter<SciaticaSign> {
        SciaticaSigns() {
            super(SciaticaSign.class, code -> Arrays.stream(SciaticaSign.values())
                    .filter(s -> s.name().equals(code.strip()))
                    .findFirst());
        }
    }

    @Converter
    static class OtherSigns extends EnumSetConverter<OtherSign> {
        OtherSigns() {
            super(OtherSign.class, OtherSign::fromCode);
        }
    }
}
