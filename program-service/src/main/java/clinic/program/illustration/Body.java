package clinic.program.illustration;

import clinic.program.illustration.Pose.Side;
import clinic.program.illustration.Pose.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A solved {@link Pose}: where every joint is (drawing units, y up, floor at 0), and the capsules to draw. */
public final class Body {

    /** The joints; the side-less ones belong to the trunk and head. */
    public enum J {
        HIP,
        WAIST,
        SHOULDERS,
        NECK,
        HEAD,
        HIP_JOINT,
        KNEE,
        ANKLE,
        HEEL,
        TOE,
        SHOULDER_JOINT,
        ELBOW,
        WRIST,
        FINGERS
    }

    /** Thickness of each part in drawing units: the renderer's stroke widths. */
    static final double TRUNK = 17;
    /** Seen from the front the trunk is as wide as the hips. */
    static final double TRUNK_FRONT = 24;

    static final double NECK_W = 8;
    static final double THIGH = 11.5;
    static final double SHIN = 9.5;
    static final double FOOT = 6.5;
    static final double UPPER_ARM = 8.5;
    static final double FOREARM = 7.5;
    static final double HAND = 6.5;

    /** One thick rounded line of the figure. */
    record Capsule(List<Vec> points, double width, Side side) {}

    private final boolean frontal;
    private boolean evenSides;
    private final Map<String, Vec> joints = new HashMap<>();
    private double headAngle = 90;

    Body(boolean frontal) {
        this.frontal = frontal;
    }

    private static String key(J joint, Side side) {
        return side == null ? joint.name() : joint.name() + "/" + side.name();
    }

    void put(J joint, Side side, Vec at) {
        joints.put(key(joint, side), at);
    }

    void headAngle(double angle) {
        this.headAngle = angle;
    }

    /** A joint's position; {@code side} is ignored for trunk joints. */
    public Vec get(J joint, Side side) {
        Vec v = joints.get(key(joint, side));
        return v != null ? v : joints.get(key(joint, null));
    }

    public Vec get(J joint) {
        return get(joint, null);
    }

    public Vec near(J joint) {
        return get(joint, Side.NEAR);
    }

    public Vec far(J joint) {
        return get(joint, Side.FAR);
    }

    boolean frontal() {
        return frontal;
    }

    /** Whether the far side is drawn like the near side (a front view where neither side is behind). */
    boolean evenSides() {
        return evenSides;
    }

    void evenSides(boolean even) {
        this.evenSides = even;
    }

    double headAngle() {
        return headAngle;
    }

    /** The capsules, far limbs first, then the trunk, then the near limbs (the painter's order). */
    List<Capsule> capsules() {
        List<Capsule> all = new ArrayList<>();
        limbs(all, Side.FAR);
        all.add(new Capsule(List.of(get(J.HIP), get(J.WAIST), get(J.SHOULDERS)), frontal ? TRUNK_FRONT : TRUNK, null));
        all.add(new Capsule(List.of(get(J.SHOULDERS), get(J.NECK)), NECK_W, null));
        limbs(all, Side.NEAR);
        return all;
    }

    private void limbs(List<Capsule> all, Side s) {
        if (frontal) {
            all.add(new Capsule(List.of(get(J.HIP), get(J.HIP_JOINT, s)), THIGH, s));
            all.add(new Capsule(List.of(get(J.SHOULDERS), get(J.SHOULDER_JOINT, s)), UPPER_ARM, s));
        }
        all.add(new Capsule(List.of(get(J.HIP_JOINT, s), get(J.KNEE, s)), THIGH, s));
        all.add(new Capsule(List.of(get(J.KNEE, s), get(J.ANKLE, s)), SHIN, s));
        all.add(new Capsule(List.of(get(J.HEEL, s), get(J.TOE, s)), FOOT, s));
        all.add(new Capsule(List.of(get(J.ANKLE, s), get(J.HEEL, s)), FOOT, s));
        all.add(new Capsule(List.of(get(J.SHOULDER_JOINT, s), get(J.ELBOW, s)), UPPER_ARM, s));
        all.add(new Capsule(List.of(get(J.ELBOW, s), get(J.WRIST, s)), FOREARM, s));
        all.add(new Capsule(List.of(get(J.WRIST, s), get(J.FINGERS, s)), HAND, s));
    }

    /** The lowest point of the drawn figure (outline included). */
    double lowest() {
        double min = get(J.HEAD).y() - Pose.HEAD_RADIUS;
        for (Capsule c : capsules()) {
            for (Vec p : c.points()) {
                min = Math.min(min, p.y() - c.width() / 2);
            }
        }
        return min;
    }

    /** The figure's extent with outline: {minX, minY, maxX, maxY}. */
    double[] bounds() {
        Vec h = get(J.HEAD);
        double r = Pose.HEAD_RADIUS;
        double[] b = {h.x() - r, h.y() - r, h.x() + r, h.y() + r};
        for (Capsule c : capsules()) {
            for (Vec p : c.points()) {
                double w = c.width() / 2;
                b[0] = Math.min(b[0], p.x() - w);
                b[1] = Math.min(b[1], p.y() - w);
                b[2] = Math.max(b[2], p.x() + w);
                b[3] = Math.max(b[3], p.y() + w);
            }
        }
        return b;
    }

    Body moved(double dx, double dy) {
        Body b = new Body(frontal);
        b.headAngle = headAngle;
        b.evenSides = evenSides;
        joints.forEach((k, v) -> b.joints.put(k, new Vec(v.x() + dx, v.y() + dy)));
        return b;
    }
}
