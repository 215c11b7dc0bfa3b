package clinic.patient.screening;

/** The classic picture of sciatica. */
public enum SciaticaSign {
    /** Pain from low back or buttock down the back of the thigh, maybe to calf or foot. */
    RADIATING_BELOW_BUTTOCK,
    /** Burning, tingling or numbness along with the pain. */
    PARAESTHESIA,
    /** Worse when sitting, coughing or sneezing. */
    WORSE_SITTING_COUGHING,
    /** Weakness of particular leg or foot muscles. */
    MYOTOMAL_WEAKNESS
}
