package clinic.patient.screening;

/** Signs that point to something other than sciatica. */
public enum OtherSign {
    /** Pain only in the low back, or only in hip or groin. */
    LOCAL_BACK_OR_HIP_ONLY,
    /** Pain mainly in the front of the thigh or the groin. */
    ANTERIOR_THIGH_GROIN,
    /** Constant severe pain whatever the position. */
    POSITION_INDEPENDENT_PAIN
}
