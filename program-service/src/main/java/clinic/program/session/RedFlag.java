package clinic.program.session;

/** Red-flag symptoms a patient can report in a log; the same codes as patient-service's screening. */
public enum RedFlag {
    BLADDER_BOWEL,
    SADDLE_NUMBNESS,
    PROGRESSIVE_WEAKNESS,
    CONSTANT_SEVERE_PAIN,
    SYSTEMIC
}
