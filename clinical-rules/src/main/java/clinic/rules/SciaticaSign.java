package clinic.rules;

/** The classic picture of sciatica (the guide's left column). */
public enum SciaticaSign {
    RADIATING_BELOW_BUTTOCK("Pain from the low back or buttock down the back of the thigh, maybe to the calf or foot"),
    PARAESTHESIA("Burning, tingling or numbness along with the pain"),
    WORSE_SITTING_COUGHING("Worse when sitting, coughing or sneezing"),
    MYOTOMAL_WEAKNESS("Weakness of particular leg or foot muscles (hard to walk on tiptoes or heels)");

    private final String label;

    SciaticaSign(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
