package clinic.datagen;

import static clinic.rules.SciaticaSign.PARAESTHESIA;
import static clinic.rules.SciaticaSign.RADIATING_BELOW_BUTTOCK;
import static clinic.rules.SciaticaSign.WORSE_SITTING_COUGHING;

import clinic.rules.SciaticaSign;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Word lists for synthetic patients. Invented combinations; e-mails use the reserved {@code .test} domain. */
final class Names {

    static final String[] GIVEN = {
        "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar", "Lily",
        "Harry", "Grace", "Jack", "Sofia", "Charlie", "Rosie", "Thomas", "Ella", "James", "Evie", "Henry", "Chloe",
        "William", "Maya", "Alfie", "Zara", "Samir", "Priya", "Tomasz", "Aisha", "Kwame", "Mei", "Diego", "Ines",
        "Ravi", "Nadia", "Omar", "Hannah", "Daniel", "Ruth", "Peter", "Joan", "Martin", "Elaine", "Colin", "Fiona",
        "Graham"
    };

    static final String[] FAMILY = {
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood",
        "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King",
        "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker",
        "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell"
    };

    static final String[] SEX = {"FEMALE", "FEMALE", "MALE", "MALE", "OTHER", "UNDISCLOSED"};

    static final String[] CONDITIONS = {
        "Left-sided sciatica",
        "Right-sided sciatica",
        "Sciatica after lifting",
        "Recurrent sciatica",
        "Sciatica with buttock and thigh pain",
        "Sciatica after a long drive",
        "Sciatica, desk worker"
    };

    static final String[] REFERRALS = {"GP referral", "Self-referral", "Orthopaedic clinic", "Occupational health"};

    /** Sciatica signs as patient-service stores them (codes of {@code clinic.rules.SciaticaSign}, comma-separated). */
    static final String[] SIGNS = {
        signs(RADIATING_BELOW_BUTTOCK),
        signs(RADIATING_BELOW_BUTTOCK, PARAESTHESIA),
        signs(RADIATING_BELOW_BUTTOCK, WORSE_SITTING_COUGHING),
        signs(RADIATING_BELOW_BUTTOCK, PARAESTHESIA, WORSE_SITTING_COUGHING)
    };

    static final String[] NOTES = {
        "Walks felt easier today.",
        "Stiff in the morning, better after the routine.",
        "Sitting at work made it worse.",
        "Did the routine twice.",
        "Busy day, did the walks only.",
        "Slump glide felt tight.",
        "Slept badly, leg ached.",
        "Good day, hardly any leg pain."
    };

    private Names() {}

    private static String signs(SciaticaSign... signs) {
        return Arrays.stream(signs).map(Enum::name).collect(Collectors.joining(","));
    }
}
