package clinic.patient.registry;

/** Optional; recorded because some clinical references differ by sex. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNDISCLOSED
}
