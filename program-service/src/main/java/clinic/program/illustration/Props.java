package clinic.program.illustration;

import static clinic.program.illustration.Sketch.PROP;
import static clinic.program.illustration.Sketch.PROP_FILL;

import clinic.program.illustration.Body.J;
import clinic.program.illustration.Illustration.Prop;
import clinic.program.illustration.Pose.Vec;
import java.util.List;

/** The props, each placed from the solved figure so it stays under the hip, at the hand or under the heel. */
final class Props {

    private Props() {}

    /** An exercise mat under a figure lying or kneeling on the floor. */
    static Prop mat() {
        return (b, s) -> {
            double[] bb = b.bounds();
            s.rect(bb[0] - 6, -4, bb[2] - bb[0] + 12, 4, PROP_FILL, PROP, 1);
        };
    }

    /**
     * A chair with a back, its seat under the hip. {@code front} is how far the seat reaches in front of the hip
     * (small: sitting on the front edge).
     */
    static Prop chair(double front) {
        return (b, s) -> {
            Vec hip = b.get(J.HIP);
            double seat = hip.y() - 10;
            double right = hip.x() + front;
            double left = right - 46;
            s.line(new Vec(left + 3, 0), new Vec(left + 3, seat), 4, PROP);
            s.line(new Vec(right - 3, 0), new Vec(right - 3, seat), 4, PROP);
            s.line(new Vec(left + 2, seat), new Vec(left - 6, seat + 56), 5, PROP);
            s.rect(left, seat - 5, right - left, 5, PROP_FILL, PROP, 1);
        };
    }

    /** A kitchen counter seen from the front, behind a figure seen from behind: the hands rest on its top. */
    static Prop counterFromBehind() {
        return (b, s) -> {
            double top = Math.max(b.near(J.WRIST).y(), b.far(J.WRIST).y()) - 3;
            double x = b.get(J.HIP).x();
            s.rect(x - 70, 0, 140, top - 6, PROP_FILL, PROP, 1);
            s.rect(x - 76, top - 6, 152, 6, PROP_FILL, PROP, 1);
        };
    }

    /** The back of a chair held from the side (frontal views): the hand of {@code side} rests on it. */
    static Prop chairBack(Pose.Side side) {
        return (b, s) -> {
            Vec hand = b.get(J.WRIST, side);
            double top = hand.y() - 4;
            double x = hand.x();
            s.line(
                    List.of(new Vec(x - 12, 0), new Vec(x - 12, top), new Vec(x + 12, top), new Vec(x + 12, 0)),
                    5,
                    PROP);
            s.line(new Vec(x - 12, top - 40), new Vec(x + 12, top - 40), 5, PROP);
        };
    }

    /** A step or low stool under the near heel. */
    static Prop step() {
        return (b, s) -> {
            Vec heel = b.near(J.HEEL);
            double top = heel.y() - Body.FOOT / 2;
            s.rect(heel.x() - 18, 0, 46, top, PROP_FILL, PROP, 1);
        };
    }

    /** A towel or strap from both hands round the ball of the near foot. */
    static Prop strap() {
        return (b, s) -> {
            Vec toe = b.near(J.TOE);
            Vec heel = b.near(J.HEEL);
            Vec ball = new Vec(toe.x() * 0.75 + heel.x() * 0.25, toe.y() * 0.75 + heel.y() * 0.25);
            Vec sole = ball.plus(Vec.polar(5, Math.toDegrees(Math.atan2(toe.y() - heel.y(), toe.x() - heel.x())) + 90));
            s.line(List.of(b.near(J.WRIST), sole, b.far(J.WRIST)), 3.5, Sketch.ACCENT);
        };
    }

    /** Water up to a level, drawn over the figure. */
    static Prop water(double level) {
        return (b, s) -> {
            double[] bb = b.bounds();
            s.rect(bb[0] - 40, 0, bb[2] - bb[0] + 80, level, Sketch.WATER, null, 0.22);
            s.line(new Vec(bb[0] - 40, level), new Vec(bb[2] + 40, level), 2.5, Sketch.WATER);
        };
    }

    /**
     * An upright exercise bike: saddle under the hip, handlebars at the near hand, the crank at a point relative to
     * the hip, a flywheel in front.
     */
    static Prop bike(double crankDx, double crankDy) {
        return (b, s) -> {
            Vec hip = b.get(J.HIP);
            Vec saddle = new Vec(hip.x() - 3, hip.y() - 11);
            Vec crank = hip.plus(new Vec(crankDx, crankDy));
            Vec bars = b.near(J.WRIST);
            Vec column = new Vec(bars.x() - 4, bars.y() - 6);
            s.line(new Vec(crank.x() - 40, 3), new Vec(crank.x() + 62, 3), 6, PROP);
            s.line(List.of(new Vec(crank.x() - 28, 3), crank, new Vec(crank.x() + 46, 3)), 6, PROP);
            s.line(List.of(crank, new Vec(saddle.x() + 2, saddle.y() - 3)), 6, PROP);
            s.line(List.of(new Vec(crank.x() + 20, crank.y() - 6), column), 6, PROP);
            s.line(List.of(column, new Vec(bars.x() + 6, bars.y())), 5, PROP);
            s.line(new Vec(saddle.x() - 12, saddle.y()), new Vec(saddle.x() + 10, saddle.y()), 7, PROP);
            s.circle(new Vec(crank.x() + 40, 24), 17, PROP_FILL, PROP, 3);
            s.circle(crank, 14, "none", PROP, 2);
        };
    }

    /** The pedal arms, drawn over the figure: from the crank to each foot. */
    static Prop pedals(double crankDx, double crankDy) {
        return (b, s) -> {
            Vec crank = b.get(J.HIP).plus(new Vec(crankDx, crankDy));
            s.line(crank, b.near(J.ANKLE).plus(new Vec(0, -7)), 4, PROP);
            s.circle(crank, 4, PROP, null, 0);
        };
    }

    /** A barbell across the shoulders seen end-on: the plate behind the neck. */
    static Prop barbell() {
        return (b, s) -> {
            Vec at = b.get(J.SHOULDERS).plus(Vec.polar(9, 180));
            s.circle(at, 22, PROP_FILL, PROP, 3);
            s.circle(at, 4, PROP, null, 0);
        };
    }

    /** A weight held in both hands. */
    static Prop weight() {
        return (b, s) -> {
            Vec at = b.near(J.FINGERS);
            s.circle(at, 9, PROP, null, 0);
        };
    }
}
