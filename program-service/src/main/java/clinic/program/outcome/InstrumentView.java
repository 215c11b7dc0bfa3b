package clinic.program.outcome;

import java.util.List;

/** An instrument as {@code GET /api/instruments} shows it: its record's fields, and whether this clinic offers it. */
public record InstrumentView(
        String code,
        String name,
        String version,
        String kind,
        String description,
        String instructions,
        List<Instrument.Item> items,
        Instrument.Scoring scoring,
        Instrument.Mic mic,
        Instrument.Licence licence,
        boolean enabledByDefault,
        boolean enabled) {

    static InstrumentView of(Instrument i, boolean enabled) {
        return new InstrumentView(
                i.code(),
                i.name(),
                i.version(),
                i.kind(),
                i.description(),
                i.instructions(),
                i.items(),
                i.scoring(),
                i.mic(),
                i.licence(),
                i.enabledByDefault(),
                enabled);
    }
}
