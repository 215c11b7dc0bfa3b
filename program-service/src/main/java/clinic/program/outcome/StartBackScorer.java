package clinic.program.outcome;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The Keele STarT Back Screening Tool (Hill et al. 2008; Keele's scoring flowchart). Items 1-8 score 1 for "agree";
 * item 9 (bothersomeness) scores 1 for "very much" or "extremely" (option values 3 and 4), 0 otherwise. Overall score:
 * items 1-9 (0-9); distress subscale: items 5-9 (0-5). Group: overall ≤ 3 → LOW; otherwise subscale ≤ 3 → MEDIUM,
 * subscale ≥ 4 → HIGH. Every item is needed (the instrument allows no skip).
 */
public final class StartBackScorer implements Scorer {

    public static final String METHOD = "SBST";

    public static final String LOW = "LOW";
    public static final String MEDIUM = "MEDIUM";
    public static final String HIGH = "HIGH";

    /** Overall score at or below which the risk is low. */
    static final int LOW_MAX_TOTAL = 3;

    /** Distress subscale at or above which the risk is high. */
    static final int HIGH_MIN_SUBSCALE = 4;

    /** Item 9's option values that score 1: "Very much" (3) and "Extremely" (4). */
    static final int BOTHERSOME_FROM = 3;

    @Override
    public Score score(Instrument instrument, Map<String, MeasureResponse.Answer> answers) {
        int total = 0;
        int subscale = 0;
        for (int n = 1; n <= 9; n++) {
            MeasureResponse.Answer a = answers.get("q" + n);
            if (a == null || a.skipped() || a.value() == null) {
                throw new IllegalArgumentException("item q" + n + " is needed");
            }
            int point = n == 9 ? (a.value() >= BOTHERSOME_FROM ? 1 : 0) : (a.value() == 1 ? 1 : 0);
            total += point;
            if (n >= 5) {
                subscale += point;
            }
        }
        return new Score(BigDecimal.valueOf(total), BigDecimal.valueOf(subscale), group(total, subscale));
    }

    /** The risk group of an overall score and distress subscale. */
    public static String group(int total, int subscale) {
        if (total <= LOW_MAX_TOTAL) {
            return LOW;
        }
        return subscale >= HIGH_MIN_SUBSCALE ? HIGH : MEDIUM;
    }

    /**
     * What a group usually means for the plan: the matched treatments of the STarT Back trial (Hill JC et al.,
     * Lancet 2011;378:1560-1571).
     */
    public static String meaning(String group) {
        if (group == null) {
            return null;
        }
        return switch (group) {
            case LOW -> "Low risk of persistent disabling pain: usually advice, reassurance and help to self-manage"
                    + " (staying active, pain relief), with few sessions.";
            case MEDIUM -> "Medium risk: usually physiotherapy aimed at the pain and the physical symptoms (exercise,"
                    + " manual therapy), over several sessions.";
            case HIGH -> "High risk: physical and psychological obstacles to recovery; usually psychologically informed"
                    + " physiotherapy that addresses fear, worry and low mood as well as the symptoms, over more"
                    + " sessions.";
            default -> null;
        };
    }
}
