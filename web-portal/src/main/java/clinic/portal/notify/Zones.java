package clinic.portal.notify;

import java.util.ArrayList;
import java.util.List;

/** The time zones the reminder form offers: common ones for the clinic's patients, plus the patient's own. */
public final class Zones {

    /** One choice of the select. */
    public record Zone(String id, String label) {}

    static final List<String> COMMON = List.of(
            "Europe/London",
            "Europe/Dublin",
            "Europe/Lisbon",
            "Atlantic/Canary",
            "Europe/Madrid",
            "Europe/Paris",
            "Europe/Amsterdam",
            "Europe/Berlin",
            "Europe/Rome",
            "Europe/Warsaw",
            "Europe/Athens",
            "Europe/Istanbul",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Mexico_City",
            "America/Bogota",
            "America/Lima",
            "America/Caracas",
            "America/Santiago",
            "America/Argentina/Buenos_Aires",
            "America/Sao_Paulo",
            "Africa/Johannesburg",
            "Asia/Dubai",
            "Asia/Kolkata",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Sydney",
            "Pacific/Auckland",
            "UTC");

    private Zones() {}

    /** The common zones, with {@code current} first when it is not one of them (so saving never changes it). */
    static List<Zone> choices(String current) {
        List<Zone> zones = new ArrayList<>();
        if (current != null && !current.isBlank() && !COMMON.contains(current)) {
            zones.add(zone(current));
        }
        COMMON.forEach(id -> zones.add(zone(id)));
        return zones;
    }

    private static Zone zone(String id) {
        return new Zone(id, id.replace('_', ' ').replace("/", " / "));
    }
}
