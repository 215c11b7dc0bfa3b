package clinic.program.illustration;

import static clinic.program.illustration.Pose.Side.NEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import clinic.program.illustration.Body.J;
import clinic.program.illustration.Pose.Vec;
import org.junit.jupiter.api.Test;

/** The pose model's geometry (plain unit test): limbs keep their lengths, solved limbs reach, figures rest on the floor. */
class PoseTest {

    private static double distance(Vec a, Vec b) {
        return a.minus(b).length();
    }

    @Test
    void aStandingFigureStandsOnTheFloorAtFullHeight() {
        Body b = Pose.standing().solve();
        assertThat(b.lowest()).isCloseTo(0, within(1e-9));
        double top = b.get(J.HEAD).y() + Pose.HEAD_RADIUS;
        assertThat(top).isBetween(170.0, 185.0);
        assertThat(distance(b.near(J.HIP_JOINT), b.near(J.KNEE))).isCloseTo(Pose.THIGH, within(1e-9));
    }

    @Test
    void aSolvedLimbReachesItsTargetWithItsOwnLengths() {
        // Hands on the near knee, knees bent: the hook-lying knee-to-chest.
        Body b = Pose.hookLying()
                .leg(NEAR, 122, -25, 40)
                .armTo(NEAR, J.KNEE, NEAR, 2, -5, 1, -30)
                .solve();
        Vec knee = b.near(J.KNEE);
        Vec wrist = b.near(J.WRIST);
        assertThat(wrist.x() - knee.x()).isCloseTo(2, within(1e-9));
        assertThat(wrist.y() - knee.y()).isCloseTo(-5, within(1e-9));
        assertThat(distance(b.near(J.SHOULDER_JOINT), b.near(J.ELBOW))).isCloseTo(Pose.UPPER_ARM, within(1e-6));
        assertThat(distance(b.near(J.ELBOW), wrist)).isCloseTo(Pose.FOREARM, within(1e-6));
        // The far foot of hook lying is flat on the floor with the knee up.
        assertThat(distance(b.far(J.HIP_JOINT), b.far(J.KNEE))).isCloseTo(Pose.THIGH, within(1e-6));
        assertThat(b.far(J.KNEE).y()).isGreaterThan(b.far(J.ANKLE).y() + 20);
    }

    @Test
    void aBodyLyingDownLiesOnTheFloorLine() {
        Body b = Pose.supine().solve();
        assertThat(b.lowest()).isCloseTo(0, within(1e-9));
        // The trunk lies flat on the floor (hip and shoulders half its thickness up), the head resting too.
        assertThat(b.get(J.HIP).y()).isCloseTo(Body.TRUNK / 2, within(0.5));
        assertThat(b.get(J.SHOULDERS).y()).isCloseTo(Body.TRUNK / 2, within(0.5));
        assertThat(b.get(J.HEAD).y() - Pose.HEAD_RADIUS).isCloseTo(0, within(0.5));
    }

    @Test
    void aTargetOutOfReachStraightensTheLimbTowardIt() {
        Vec knee = Pose.middle(new Vec(0, 0), new Vec(200, 0), 44, 42, 1);
        assertThat(knee.x()).isCloseTo(44, within(1e-3));
        assertThat(knee.y()).isCloseTo(0, within(1e-2));
    }

    @Test
    void everyBuiltInDrawingRestsOnTheFloorOrIsMeantToFloat() {
        BuiltInIllustrations.all().forEach((key, ill) -> {
            for (Illustration.Scene scene : new Illustration.Scene[] {ill.startScene(), ill.endScene()}) {
                Body b = scene.pose().solve();
                boolean airborne = key.equals("running-jumping") && scene == ill.endScene();
                if (!airborne && scene.floor() && !key.equals("upright-cycling")) {
                    assertThat(b.lowest()).as(key).isCloseTo(0, within(1e-6));
                }
            }
        });
    }
}
