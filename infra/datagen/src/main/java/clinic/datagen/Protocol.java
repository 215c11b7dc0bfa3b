package clinic.datagen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code sciatica-phased} protocol as program-service stores it: the default exercises of each phase. */
record Protocol(long id, List<List<Step>> phases) {

    static final String CODE = "sciatica-phased";

    /** One prescribed exercise with its dosage (nulls where the protocol leaves a field open). */
    record Step(
            long exerciseId,
            String slug,
            String name,
            int position,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            boolean perSide) {}

    /** Reads the protocol; refuses when the schema has not been migrated (the clinic was never started). */
    static Protocol load(Connection c) throws SQLException {
        long id;
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM protocol WHERE code = ?")) {
            st.setString(1, CODE);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new Database.Refused("Protocol " + CODE + " not found: start the clinic once (./clinic run)"
                            + " so program-service creates its tables.");
                }
                id = rs.getLong(1);
            }
        }
        List<List<Step>> phases = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        try (PreparedStatement st = c.prepareStatement("SELECT pp.phase_number, pe.position, e.id, e.slug, e.name,"
                + " pe.sets, pe.reps, pe.hold_seconds, pe.minutes, pe.times_per_day, pe.per_side"
                + " FROM protocol_exercise pe JOIN protocol_phase pp ON pp.id = pe.protocol_phase_id"
                + " JOIN exercise e ON e.id = pe.exercise_id WHERE pp.protocol_id = ?"
                + " ORDER BY pp.phase_number, pe.position")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int phase = rs.getInt(1);
                    if (phase < 1 || phase > 3) {
                        continue;
                    }
                    phases.get(phase - 1)
                            .add(new Step(
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getInt(2),
                                    (Integer) rs.getObject(6, Integer.class),
                                    (Integer) rs.getObject(7, Integer.class),
                                    (Integer) rs.getObject(8, Integer.class),
                                    (Integer) rs.getObject(9, Integer.class),
                                    (Integer) rs.getObject(10, Integer.class),
                                    rs.getBoolean(11)));
                }
            }
        }
        for (List<Step> steps : phases) {
            if (steps.isEmpty()) {
                throw new Database.Refused("Protocol " + CODE + " lacks a phase's exercises; is the schema current?");
            }
        }
        return new Protocol(id, phases);
    }

    List<Step> phase(int number) {
        return phases.get(number - 1);
    }

    /** The revision snapshot, in the JSON shape program-service writes ({@code ProgramView.ProgramExerciseView}). */
    String snapshot(int phase) {
        StringBuilder json = new StringBuilder("[");
        for (Step s : phase(phase)) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"position\":")
                    .append(s.position())
                    .append(",\"exercise\":")
                    .append(quote(s.slug()))
                    .append(",\"name\":")
                    .append(quote(s.name()))
                    .append(",\"sets\":")
                    .append(s.sets())
                    .append(",\"reps\":")
                    .append(s.reps())
                    .append(",\"holdSeconds\":")
                    .append(s.holdSeconds())
                    .append(",\"minutes\":")
                    .append(s.minutes())
                    .append(",\"timesPerDay\":")
                    .append(s.timesPerDay())
                    .append(",\"perSide\":")
                    .append(s.perSide())
                    .append(",\"markedForReview\":false,\"cautionAcknowledgement\":null}");
        }
        return json.append(']').toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
