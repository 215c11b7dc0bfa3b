package clinic.patient.screening;

/** Signs that need urgent medical review: any one of them means no exercise program. */
public enum RedFlag {
    /** Loss of bladder or bowel control. */
    BLADDER_BOWEL,
    /** Numbness in the saddle area. */
    SADDLE_NUMBNESS,
    /** Severe or quickly worsening weakness in legs or feet, especially both legs. */
    PROGRESSIVE_WEAKNESS,
    /** Constant severe pain that no position relieves. */
    CONSTANT_SEVERE_PAIN,
    /** Fever, unexplained weight loss or a cancer history together with new sciatica. */
    SYSTEMIC
}
