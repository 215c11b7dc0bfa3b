package clinic.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The discharges the generator draws: their share, their dates against the logs, and their reasons. */
class PlanDischargeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static final List<String> REASONS =
            List.of("GOALS_MET", "SELF_MANAGING", "REFERRED_ON", "PATIENT_CHOICE", "DID_NOT_ENGAGE", "OTHER");

    private static List<Plan> clinic() {
        Random rnd = new Random(42);
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            plans.add(Plan.draw(rnd, TODAY, 1.0));
        }
        return plans;
    }

    @Test
    void aboutOneProgramInSevenIsDischargedWithAReasonAndNoLogOrPhaseMoveAfterIt() {
        List<Plan> plans = clinic();
        List<Plan> discharged = plans.stream().filter(Plan::isDischarged).toList();

        assertThat(discharged.size()).isBetween(1_000, 2_000);
        for (Plan p : discharged) {
            assertThat(p.dischargeReason).isIn(REASONS);
            assertThat(p.dischargedOn).isAfter(p.startedOn).isBefore(TODAY);
            assertThat(p.lastLogDay).isBeforeOrEqualTo(p.dischargedOn);
            assertThat(p.phaseSince()).isBeforeOrEqualTo(p.dischargedOn);
            assertThat(Outcomes.summary(p)).isNotBlank();
            if (p.droppedOut) {
                assertThat(p.dischargeReason).isEqualTo("DID_NOT_ENGAGE");
                assertThat(p.dischargedOn).isEqualTo(p.lastLogDay.plusDays(14));
            } else {
                long day = p.dischargedOn.toEpochDay() - p.startedOn.toEpochDay();
                assertThat(day).isBetween(42L, 125L);
            }
        }
        // Every reason occurs, and improving courses end mostly with their goals met or self-managing.
        assertThat(discharged.stream().map(p -> p.dischargeReason).distinct())
                .containsExactlyInAnyOrderElementsOf(REASONS);
        long improving = discharged.stream()
                .filter(p -> p.course == Plan.Course.IMPROVING && !p.droppedOut)
                .count();
        long improvingWell = discharged.stream()
                .filter(p -> p.course == Plan.Course.IMPROVING && !p.droppedOut)
                .filter(p -> p.dischargeReason.equals("GOALS_MET") || p.dischargeReason.equals("SELF_MANAGING"))
                .count();
        assertThat(improvingWell).isGreaterThan(improving * 8 / 10);
        // Programs younger than ten weeks are discharged only when the patient stopped logging.
        assertThat(discharged.stream().filter(p -> !p.droppedOut).filter(p -> p.startedOn.isAfter(TODAY.minusDays(70))))
                .isEmpty();
    }

    @Test
    void theSameSeedDrawsTheSameDischarges() {
        List<Plan> a = clinic();
        List<Plan> b = clinic();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).dischargedOn).isEqualTo(a.get(i).dischargedOn);
            assertThat(b.get(i).dischargeReason).isEqualTo(a.get(i).dischargeReason);
        }
    }
}
