package clinic.patient.access;

/** Why the caller may read and change a patient's data. */
public enum AccessKind {
    /** The caller is the patient's care physio. */
    CARE_PHYSIO,
    /** The caller is in the patient's care team. */
    CARE_TEAM,
    /** The caller broke the glass for this patient and the grant has not expired. */
    BREAK_GLASS,
    /** Admins are not limited by care teams. */
    ADMIN
}
