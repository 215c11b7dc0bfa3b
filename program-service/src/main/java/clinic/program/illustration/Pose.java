package clinic.program.illustration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One position of the stick-and-capsule figure, seen from the side: the person faces the right of the picture, the
 * near side is toward the viewer. Every segment has a fixed length ({@link #LENGTHS}); a pose gives each segment's
 * direction as an angle in degrees in the picture plane (0 = toward the right, 90 = up, -90 = down, 180 = toward the
 * left), so a standing figure is trunk 90, thigh and shin -90, foot 0, arm -90. A limb may instead be placed by its
 * end point ({@link #legTo}, {@link #armTo}): a two-joint solver finds the middle joint (knee, elbow) on the side the
 * {@code bend} names. The root is the hip; unless {@link #free()} says otherwise the solved figure is moved down or up
 * until its lowest point rests on the floor line, so a body lying or kneeling lies on the floor and a standing one
 * stands on it.
 *
 * <p>The trunk has two parts (pelvis to mid-back, mid-back to shoulders), so the spine can round or arch. {@link
 * #frontal()} is the same model seen from the front (clamshell, hip abduction): the two hips and shoulders are then
 * spread across the trunk and the face has no nose.
 */
public final class Pose {

    /** The two sides; the far side is drawn first and lighter. */
    public enum Side {
        NEAR,
        FAR
    }

    /** Segment lengths in drawing units (a standing figure is about 177 units tall). */
    public static final Map<String, Double> LENGTHS = Map.of(
            "lowerTrunk", 26.0,
            "upperTrunk", 28.0,
            "neck", 7.0,
            "thigh", 44.0,
            "shin", 42.0,
            "upperArm", 29.0,
            "forearm", 25.0,
            "hand", 9.0,
            "foot", 23.0);

    static final double LOWER_TRUNK = LENGTHS.get("lowerTrunk");
    static final double UPPER_TRUNK = LENGTHS.get("upperTrunk");
    static final double NECK = LENGTHS.get("neck");
    static final double HEAD_RADIUS = 10.5;
    static final double THIGH = LENGTHS.get("thigh");
    static final double SHIN = LENGTHS.get("shin");
    static final double UPPER_ARM = LENGTHS.get("upperArm");
    static final double FOREARM = LENGTHS.get("forearm");
    static final double HAND = LENGTHS.get("hand");
    static final double FOOT = LENGTHS.get("foot");
    /** The ankle sits this far above the sole and this far in front of the heel. */
    static final double ANKLE_HEIGHT = 6.5;

    static final double HEEL_BACK = 4.0;

    /** Half the distance between the hips and between the shoulders in a frontal view. */
    static final double HIP_HALF = 9.0;

    static final double SHOULDER_HALF = 15.0;

    private double hipX;
    private double hipY = 100;
    private boolean onFloor = true;
    private double lift;
    private double lowerTrunk = 90;
    private double upperTrunk = 90;
    private double head = 90;
    private boolean frontal;
    private boolean evenSides;
    private final Map<Side, Double> legScale = new EnumMap<>(Map.of(Side.NEAR, 1.0, Side.FAR, 1.0));
    private final Map<Side, Limb> legs = new EnumMap<>(Side.class);
    private final Map<Side, Limb> arms = new EnumMap<>(Side.class);

    /** A limb by segment angles, or by a target for its end joint (ankle, wrist) and the angle of its last part. */
    private record Limb(double upper, double lower, double end, Target target, int bend) {}

    /** Where a solved limb's end joint goes: a point, or another joint of the same figure plus an offset. */
    private record Target(Body.J joint, Side side, double dx, double dy) {}

    private Pose() {
        for (Side s : Side.values()) {
            legs.put(s, new Limb(-90, -90, 0, null, 0));
            arms.put(s, new Limb(-90, -90, -90, null, 0));
        }
    }

    /** Upright: trunk and legs vertical, arms hanging. */
    public static Pose standing() {
        return new Pose();
    }

    /** Lying on the back, head to the left, legs straight along the floor, arms by the sides. */
    public static Pose supine() {
        return new Pose()
                .trunk(180, 180)
                .head(173)
                .leg(Side.NEAR, 0, 0, 80)
                .leg(Side.FAR, 0, 0, 80)
                .arm(Side.NEAR, 5, 0, 0)
                .arm(Side.FAR, 5, 0, 0);
    }

    /** Lying on the back with knees bent and feet flat (hook lying). */
    public static Pose hookLying() {
        return supine().legTo(Side.NEAR, 66, -2, 1, 0).legTo(Side.FAR, 66, -2, 1, 0);
    }

    public Pose hip(double x, double y) {
        this.hipX = x;
        this.hipY = y;
        return this;
    }

    /** Keep the hip where {@link #hip} put it (the picture's floor is at y = 0): for a figure in the air or water. */
    public Pose free() {
        this.onFloor = false;
        return this;
    }

    /** After resting on the floor, raise the whole figure (a jump). */
    public Pose lift(double units) {
        this.lift = units;
        return this;
    }

    public Pose trunk(double lower, double upper) {
        this.lowerTrunk = lower;
        this.upperTrunk = upper;
        return this;
    }

    /** Direction of the neck and head (90 upright, 180 lying back, 0 lying face down toward the right). */
    public Pose head(double angle) {
        this.head = angle;
        return this;
    }

    public Pose frontal() {
        this.frontal = true;
        return this;
    }

    /** A front view where neither side is behind the other: both drawn alike (standing seen from the front). */
    public Pose evenSides() {
        this.evenSides = true;
        return this;
    }

    /**
     * Draw thighs and shins shorter by this factor: a limb pointing toward the viewer looks shorter (the clamshell's
     * bent legs seen from the front).
     */
    public Pose legScale(double factor) {
        return legScale(Side.NEAR, factor).legScale(Side.FAR, factor);
    }

    /** One leg shorter: a thigh turned toward the viewer (the figure-4's crossed leg, the clamshell's top knee). */
    public Pose legScale(Side side, double factor) {
        legScale.put(side, factor);
        return this;
    }

    public Pose leg(Side side, double thigh, double shin, double foot) {
        legs.put(side, new Limb(thigh, shin, foot, null, 0));
        return this;
    }

    public Pose legs(double thigh, double shin, double foot) {
        return leg(Side.NEAR, thigh, shin, foot).leg(Side.FAR, thigh, shin, foot);
    }

    /**
     * Put the ankle at a point relative to the hip; {@code bend} 1 puts the knee on the left of the hip-to-ankle line
     * (walking toward the ankle), -1 on its right.
     */
    public Pose legTo(Side side, double dx, double dy, int bend, double foot) {
        legs.put(side, new Limb(0, 0, foot, new Target(null, null, dx, dy), bend));
        return this;
    }

    /** Put the ankle on a joint of the same figure (an ankle resting on the other knee), plus an offset. */
    public Pose legTo(Side side, Body.J joint, Side of, double dx, double dy, int bend, double foot) {
        legs.put(side, new Limb(0, 0, foot, new Target(joint, of, dx, dy), bend));
        return this;
    }

    public Pose arm(Side side, double upper, double forearm, double hand) {
        arms.put(side, new Limb(upper, forearm, hand, null, 0));
        return this;
    }

    public Pose arms(double upper, double forearm, double hand) {
        return arm(Side.NEAR, upper, forearm, hand).arm(Side.FAR, upper, forearm, hand);
    }

    /** Put the wrist at a point relative to the hip. */
    public Pose armTo(Side side, double dx, double dy, int bend, double hand) {
        arms.put(side, new Limb(0, 0, hand, new Target(null, null, dx, dy), bend));
        return this;
    }

    /** Put the wrist on a joint of the same figure (a hand on the knee), plus an offset. */
    public Pose armTo(Side side, Body.J joint, Side of, double dx, double dy, int bend, double hand) {
        arms.put(side, new Limb(0, 0, hand, new Target(joint, of, dx, dy), bend));
        return this;
    }

    /** Solves the pose into joint positions, resting on the floor (y = 0) unless {@link #free()}. */
    public Body solve() {
        Body body = new Body(frontal);
        body.evenSides(evenSides);
        Vec hip = new Vec(hipX, hipY);
        body.put(Body.J.HIP, null, hip);
        Vec waist = hip.plus(Vec.polar(LOWER_TRUNK, lowerTrunk));
        Vec shoulder = waist.plus(Vec.polar(UPPER_TRUNK, upperTrunk));
        Vec neckTop = shoulder.plus(Vec.polar(NECK, head));
        body.put(Body.J.WAIST, null, waist);
        body.put(Body.J.SHOULDERS, null, shoulder);
        body.put(Body.J.NECK, null, neckTop);
        body.put(Body.J.HEAD, null, neckTop.plus(Vec.polar(HEAD_RADIUS - 1, head)));
        body.headAngle(head);
        // The far leg first, so the near one can rest on it.
        for (Side s : List.of(Side.FAR, Side.NEAR)) {
            double sign = s == Side.NEAR ? -1 : 1;
            double scale = legScale.get(s);
            Vec hipJoint = frontal ? hip.plus(Vec.polar(HIP_HALF * sign, lowerTrunk - 90)) : hip;
            body.put(Body.J.HIP_JOINT, s, hipJoint);
            Limb leg = legs.get(s);
            Vec knee;
            Vec ankle;
            if (leg.target() == null) {
                knee = hipJoint.plus(Vec.polar(THIGH * scale, leg.upper()));
                ankle = knee.plus(Vec.polar(SHIN * scale, leg.lower()));
            } else {
                Target t = leg.target();
                Vec base = t.joint() == null ? hip : body.get(t.joint(), t.side());
                ankle = base.plus(new Vec(t.dx(), t.dy()));
                knee = middle(hipJoint, ankle, THIGH * scale, SHIN * scale, leg.bend());
            }
            body.put(Body.J.KNEE, s, knee);
            body.put(Body.J.ANKLE, s, ankle);
            double f = leg.end();
            // Seen from the front a foot points at the viewer and looks short.
            double foot = frontal ? FOOT * 0.5 : FOOT;
            Vec heel = ankle.plus(Vec.polar(ANKLE_HEIGHT, f - 90)).plus(Vec.polar(-HEEL_BACK * foot / FOOT, f));
            body.put(Body.J.HEEL, s, heel);
            body.put(Body.J.TOE, s, heel.plus(Vec.polar(foot, f)));
        }
        for (Side s : Side.values()) {
            double sign = s == Side.NEAR ? -1 : 1;
            Vec root = shoulder.plus(Vec.polar(-4, upperTrunk));
            if (frontal) {
                root = root.plus(Vec.polar(SHOULDER_HALF * sign, upperTrunk - 90));
            }
            body.put(Body.J.SHOULDER_JOINT, s, root);
            Limb arm = arms.get(s);
            Vec elbow;
            Vec wrist;
            if (arm.target() == null) {
                elbow = root.plus(Vec.polar(UPPER_ARM, arm.upper()));
                wrist = elbow.plus(Vec.polar(FOREARM, arm.lower()));
            } else {
                Target t = arm.target();
                Vec base = t.joint() == null ? hip : body.get(t.joint(), t.side());
                wrist = base.plus(new Vec(t.dx(), t.dy()));
                elbow = middle(root, wrist, UPPER_ARM, FOREARM, arm.bend());
            }
            body.put(Body.J.ELBOW, s, elbow);
            body.put(Body.J.WRIST, s, wrist);
            body.put(Body.J.FINGERS, s, wrist.plus(Vec.polar(HAND, arm.end())));
        }
        double shift = onFloor ? -body.lowest() : 0;
        return body.moved(0, shift + lift);
    }

    /**
     * The middle joint of a two-part limb from {@code a} to {@code c}: where both lengths fit, on the side {@code
     * bend} names; a target out of reach straightens the limb toward it.
     */
    static Vec middle(Vec a, Vec c, double l1, double l2, int bend) {
        Vec d = c.minus(a);
        double dist = Math.max(1e-6, d.length());
        double reach = Math.min(dist, l1 + l2 - 1e-6);
        double cos = (l1 * l1 + reach * reach - l2 * l2) / (2 * l1 * reach);
        double angle = Math.acos(Math.max(-1, Math.min(1, cos)));
        double base = Math.atan2(d.y(), d.x());
        double a1 = base + (bend >= 0 ? angle : -angle);
        return a.plus(new Vec(l1 * Math.cos(a1), l1 * Math.sin(a1)));
    }

    /** A point or direction in drawing units, y up. */
    public record Vec(double x, double y) {
        static Vec polar(double length, double degrees) {
            double r = Math.toRadians(degrees);
            return new Vec(length * Math.cos(r), length * Math.sin(r));
        }

        Vec plus(Vec o) {
            return new Vec(x + o.x, y + o.y);
        }

        Vec minus(Vec o) {
            return new Vec(x - o.x, y - o.y);
        }

        double length() {
            return Math.hypot(x, y);
        }
    }
}
