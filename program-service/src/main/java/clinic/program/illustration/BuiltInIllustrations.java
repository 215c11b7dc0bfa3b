package clinic.program.illustration;

import static clinic.program.illustration.Pose.Side.FAR;
import static clinic.program.illustration.Pose.Side.NEAR;

import clinic.program.illustration.Body.J;
import clinic.program.illustration.Illustration.Scene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start and end pose of each of the 29 built-in exercises (V2__exercise_library.sql), keyed by slug. Read each
 * spec next to the exercise's instructions; angles are explained in {@link Pose}. To add a drawing, add one entry
 * here, look at it (docs/illustrations.md) and set the exercise's {@code illustration} column to its key.
 */
final class BuiltInIllustrations {

    private BuiltInIllustrations() {}

    static Map<String, Illustration> all() {
        List<Illustration> list = new ArrayList<>();

        // 1. Walking: two stride positions.
        list.add(new Illustration(
                "short-frequent-walks",
                "Short, frequent walks",
                Scene.of(strideNearForward()),
                "walking upright, one foot forward.",
                Scene.of(strideFarForward()),
                "the next step, the other foot forward.",
                List.of(Illustration.of(J.ANKLE, FAR, 10))));

        // 2. Weight shifts, seen from behind, hands on a counter in front (behind the figure here).
        list.add(new Illustration(
                "standing-weight-shift",
                "Standing weight shifts",
                Scene.of(weightShift(-12), Props.counterFromBehind()),
                "standing with feet hip-width apart, hands on a counter, weight over one foot.",
                Scene.of(weightShift(12), Props.counterFromBehind()),
                "weight moved slowly over the other foot.",
                List.of(Illustration.of(J.WAIST, null, -10))));

        // 3. Single knee to chest.
        list.add(new Illustration(
                "single-knee-to-chest",
                "Single knee-to-chest",
                Scene.of(Pose.hookLying(), Props.mat()),
                "lying on the back, knees bent, feet flat.",
                Scene.of(
                        Pose.hookLying()
                                .leg(NEAR, 122, -25, 40)
                                .armTo(NEAR, J.KNEE, NEAR, 2, -5, 1, -30)
                                .armTo(FAR, J.KNEE, NEAR, 4, -4, 1, -30),
                        Props.mat()),
                "one knee eased toward the chest, hands round the knee, head resting.",
                List.of(Illustration.of(J.KNEE, NEAR, 14))));

        // 4. Pelvic tilt: flat back, then a small arch.
        list.add(new Illustration(
                "pelvic-tilt",
                "Pelvic tilts",
                Scene.of(Pose.hookLying(), Props.mat()),
                "lying on the back, knees bent, feet flat, the small of the back pressed to the floor.",
                Scene.of(Pose.hookLying().trunk(168, 194), Props.mat()),
                "relaxed into a small arch of the low back.",
                List.of(Illustration.of(J.WAIST, null, 0))));

        // 5. Seated ankle pumps.
        list.add(new Illustration(
                "seated-ankle-pump",
                "Seated ankle pumps",
                Scene.of(seated().legTo(NEAR, 70, -43, 1, -8), Props.chair(20)),
                "sitting upright, one leg a little forward, heel on the floor, toes pointed away.",
                Scene.of(seated().legTo(NEAR, 70, -43, 1, 48), Props.chair(20)),
                "toes drawn up toward the shin, heel still on the floor.",
                List.of(Illustration.of(J.TOE, NEAR, 8))));

        // 6. Modified slump glide: slumped sitting, knee straightens with the foot on the floor.
        list.add(new Illustration(
                "modified-slump-glide",
                "Modified slump glide",
                Scene.of(slumped().legTo(NEAR, 46, -43, 1, 0), Props.chair(6)),
                "sitting on the front of a chair, shoulders rounded, chin tucked.",
                Scene.of(slumped().legTo(NEAR, 80, -38, 1, 55), Props.chair(6)),
                "one knee straightened with the heel on the floor, foot pulled up, then back.",
                List.of(Illustration.of(J.ANKLE, NEAR, 8))));

        // 7. Modified dead bug: tabletop legs, one heel lowered to the floor with the knee bent.
        list.add(new Illustration(
                "modified-dead-bug",
                "Modified dead bug",
                Scene.of(tabletop(), Props.mat()),
                "lying on the back, hips and knees bent to 90 degrees, arms up, low back pressed down.",
                Scene.of(tabletop().legTo(NEAR, 74, 0, 1, 20), Props.mat()),
                "one foot lowered until the heel touches the floor, knee still bent.",
                List.of(Illustration.of(J.HEEL, NEAR, -12))));

        // 8. Bird dog: hands and knees, opposite arm and leg reach out.
        list.add(new Illustration(
                "bird-dog-from-knees",
                "Bird dog from the knees",
                Scene.of(quadruped(), Props.mat()),
                "on hands and knees, back flat.",
                Scene.of(quadruped().arm(NEAR, 2, 2, 2).leg(FAR, 182, 180, -95), Props.mat()),
                "one arm reaching forward and the opposite leg straight back, back still flat.",
                List.of(Illustration.of(J.FINGERS, NEAR, 16), Illustration.of(J.ANKLE, FAR, -16))));

        // 9. Plank on the knees.
        list.add(new Illustration(
                "plank-knees-down",
                "Plank (knees down allowed)",
                Scene.of(forearmsAndKnees(), Props.mat()),
                "on forearms and knees, hips above the knees.",
                Scene.of(kneePlank(), Props.mat()),
                "hips lowered into one straight line from head to knees, held.",
                List.of(Illustration.of(J.HIP, null, -8))));

        // 10. Glute bridge.
        list.add(new Illustration(
                "glute-bridge",
                "Glute bridge",
                Scene.of(Pose.hookLying(), Props.mat()),
                "lying on the back, knees bent, feet flat and hip-width apart.",
                Scene.of(
                        Pose.hookLying()
                                .hip(-5, 100)
                                .trunk(206, 206)
                                .head(180)
                                .legTo(NEAR, 67, -22, 1, 0)
                                .legTo(FAR, 67, -22, 1, 0)
                                .arms(-10, 0, 0),
                        Props.mat()),
                "hips raised until shoulders, hips and knees are in line.",
                List.of(Illustration.of(J.HIP, null, 6))));

        // 11. Clamshell, seen from the front: lying on the side, feet together, top knee opens.
        list.add(new Illustration(
                "clamshell",
                "Clamshell",
                Scene.of(clamshell(false), Props.mat()),
                "lying on the side, knees bent, hips stacked, feet together.",
                Scene.of(clamshell(true), Props.mat()),
                "top knee lifted with the feet still together and the pelvis still.",
                List.of(Illustration.of(J.KNEE, NEAR, -8))));

        // 12. Standing hip abduction, seen from the front, one hand on a chair back.
        list.add(new Illustration(
                "standing-hip-abduction",
                "Standing hip abduction",
                Scene.of(abduction(false), Props.chairBack(FAR)),
                "standing tall, holding the back of a chair.",
                Scene.of(abduction(true), Props.chairBack(FAR)),
                "one straight leg lifted out to the side, toes forward, body upright.",
                List.of(Illustration.of(J.ANKLE, NEAR, -10))));

        // 13. Figure-4 stretch: ankle on the other knee, supporting thigh drawn in.
        list.add(new Illustration(
                "figure-4-piriformis-stretch",
                "Figure-4 piriformis stretch",
                Scene.of(figure4(Pose.hookLying(), 1), Props.mat()),
                "lying on the back, knees bent, one ankle resting across the other knee.",
                Scene.of(
                        figure4(Pose.hookLying().leg(FAR, 112, -8, 70), -1)
                                .armTo(NEAR, J.KNEE, FAR, -16, 4, 1, 0)
                                .armTo(FAR, J.KNEE, FAR, -14, 2, 1, 0),
                        Props.mat()),
                "the supporting thigh drawn gently toward the chest with the hands behind it.",
                List.of(Illustration.of(J.KNEE, FAR, 12))));

        // 14. Hamstring stretch with a strap.
        list.add(new Illustration(
                "supine-hamstring-stretch-strap",
                "Supine hamstring stretch with strap",
                Scene.of(strapStart(), Props.mat()).over(Props.strap()),
                "lying on the back, a strap round one foot, that knee bent, the other knee bent.",
                Scene.of(strapEnd(), Props.mat()).over(Props.strap()),
                "the knee gently straightened until the back of the thigh stretches.",
                List.of(Illustration.of(J.ANKLE, NEAR, 12))));

        // 15. Both knees to chest.
        list.add(new Illustration(
                "double-knees-to-chest",
                "Double knees-to-chest",
                Scene.of(Pose.hookLying(), Props.mat()),
                "lying on the back, knees bent, feet flat.",
                Scene.of(
                        Pose.hookLying()
                                .legs(122, -25, 40)
                                .armTo(NEAR, J.KNEE, NEAR, 2, -5, 1, -30)
                                .armTo(FAR, J.KNEE, NEAR, 4, -4, 1, -30),
                        Props.mat()),
                "both knees drawn gently toward the chest, hands round the knees.",
                List.of(Illustration.of(J.KNEE, NEAR, 14))));

        // 16. Sliding nerve glide: slump with the foot up, sit tall with the toes pointed.
        list.add(new Illustration(
                "sliding-nerve-glide",
                "Sliding nerve glide",
                Scene.of(slumped().legTo(NEAR, 76, -40, 1, 72), Props.chair(6)),
                "sitting on the front of a chair, one leg straight, heel on the floor; chin tucked, shoulders"
                        + " rounded, toes pulled up.",
                Scene.of(seatedTall().legTo(NEAR, 76, -40, 1, 8), Props.chair(6)),
                "sitting up straight, head up, toes pointed.",
                List.of(Illustration.of(J.HEAD, null, 10), Illustration.of(J.TOE, NEAR, -8))));

        // 17. Standing hamstring scoop: heel on a step, hinge a little from the hips with a straight back.
        list.add(new Illustration(
                "standing-hamstring-scoop",
                "Standing hamstring scoop",
                Scene.of(scoop(90), Props.step()),
                "standing facing a step, one heel on it, knee straight, toes pulled up.",
                Scene.of(scoop(68), Props.step()),
                "tipped forward a little from the hips with a straight back, then back up.",
                List.of(Illustration.of(J.HEAD, null, -8))));

        // 18. Seated rotation: sitting tall, arms crossed, the trunk turns.
        list.add(new Illustration(
                "seated-torso-rotation",
                "Gentle seated torso rotation",
                Scene.of(
                        seatedTall()
                                .armTo(NEAR, J.SHOULDERS, null, 10, -8, -1, 140)
                                .armTo(FAR, J.SHOULDERS, null, 12, -4, -1, 140),
                        Props.chair(20)),
                "sitting tall, arms crossed on the chest.",
                Scene.of(
                        seatedTall()
                                .head(95)
                                .armTo(NEAR, J.SHOULDERS, null, -18, -10, 1, 180)
                                .armTo(FAR, J.SHOULDERS, null, 22, -8, -1, 60),
                        Props.chair(20)),
                "the upper body turned slowly to one side within an easy range.",
                List.of(Illustration.turn())));

        // 19. Heel taps: legs up with the knees bent, one heel taps the floor.
        list.add(new Illustration(
                "alternating-heel-taps",
                "Alternating heel taps",
                Scene.of(tabletop().arms(5, 0, 0), Props.mat()),
                "lying on the back, knees bent and lifted, low back gently pressed down.",
                Scene.of(tabletop().arms(5, 0, 0).leg(NEAR, 40, -50, 10), Props.mat()),
                "one heel lowered to tap the floor, then the other.",
                List.of(Illustration.of(J.HEEL, NEAR, -12))));

        // 20. Upright exercise bike.
        list.add(new Illustration(
                "upright-cycling",
                "Upright cycling",
                Scene.of(cycling(100), Props.bike(24, -62)).over(Props.pedals(24, -62)),
                "sitting tall on an upright bike, one pedal up.",
                Scene.of(cycling(280), Props.bike(24, -62)).over(Props.pedals(24, -62)),
                "pedalling round at an easy pace.",
                List.of(Illustration.of(J.ANKLE, NEAR, -16))));

        // 21. Swimming: front crawl, arms alternate.
        list.add(new Illustration(
                "swimming",
                "Swimming",
                Scene.of(swim(true)).over(Props.water(76)).noFloor(),
                "swimming at an easy pace, one arm reaching forward.",
                Scene.of(swim(false)).over(Props.water(76)).noFloor(),
                "the other arm reaching forward.",
                List.of(Illustration.of(J.FINGERS, FAR, 14))));

        // 22. Walking in water.
        list.add(new Illustration(
                "pool-walking",
                "Pool walking",
                Scene.of(strideNearForward().arms(-70, -40, -40)).over(Props.water(122)),
                "walking slowly in waist- to chest-deep water.",
                Scene.of(strideFarForward().arms(-70, -40, -40)).over(Props.water(122)),
                "the next slow step.",
                List.of(Illustration.of(J.ANKLE, FAR, 10))));

        // 23. Squat to parallel.
        list.add(new Illustration(
                "bodyweight-squat-to-parallel",
                "Bodyweight squat to parallel",
                Scene.of(Pose.standing()),
                "standing, feet shoulder-width apart.",
                Scene.of(squat().arms(0, 0, 0)),
                "hips back and down until the thighs are level with the floor, back straight, then up again.",
                List.of(Illustration.of(J.HIP, null, 12))));

        // 24. Toe touches (not recommended).
        list.add(new Illustration(
                "toe-touch-forward-bend",
                "Toe touches and standing forward bends",
                Scene.of(Pose.standing()),
                "standing upright.",
                Scene.of(Pose.standing()
                        .hip(-14, 100)
                        .legs(-78, -78, 0)
                        .trunk(-12, -62)
                        .head(-95)
                        .armTo(NEAR, J.TOE, NEAR, -4, 9, -1, -60)
                        .armTo(FAR, J.TOE, FAR, -8, 9, -1, -60)),
                "bent forward from standing, reaching toward the toes.",
                List.of(Illustration.of(J.SHOULDERS, null, -20))));

        // 25. Deep loaded twist (not recommended): a weight swung round with the trunk.
        list.add(new Illustration(
                "deep-loaded-twist",
                "Deep or loaded twists",
                Scene.of(Pose.standing()
                                .armTo(NEAR, J.SHOULDERS, null, 30, -28, -1, 0)
                                .armTo(FAR, J.SHOULDERS, null, 32, -26, -1, 0))
                        .over(Props.weight()),
                "standing, holding a weight in front of the body.",
                Scene.of(Pose.standing()
                                .legs(-88, -92, 0)
                                .armTo(NEAR, J.SHOULDERS, null, -34, -30, 1, 200)
                                .armTo(FAR, J.SHOULDERS, null, -30, -28, 1, 200))
                        .over(Props.weight()),
                "the trunk twisted hard to one side, the weight swung round with it.",
                List.of(Illustration.turn())));

        // 26. Double straight-leg lift (not recommended).
        list.add(new Illustration(
                "double-leg-lift",
                "Double leg lifts",
                Scene.of(Pose.supine(), Props.mat()),
                "lying on the back, legs straight.",
                Scene.of(Pose.supine().legs(45, 45, 120), Props.mat()),
                "both straight legs lifted together.",
                List.of(Illustration.of(J.ANKLE, NEAR, 20))));

        // 27. Running and jumping (later phases only).
        list.add(new Illustration(
                "running-jumping",
                "High-impact running and jumping",
                Scene.of(Pose.standing()
                        .trunk(80, 80)
                        .leg(NEAR, -40, -100, -10)
                        .leg(FAR, -115, -160, -60)
                        .arm(NEAR, -115, -30, -30)
                        .arm(FAR, -60, 10, 10)),
                "running, one foot on the ground.",
                Scene.of(Pose.standing()
                        .leg(NEAR, -70, -110, -50)
                        .leg(FAR, -75, -115, -50)
                        .arm(NEAR, 120, 110, 110)
                        .arm(FAR, 102, 95, 95)
                        .lift(28)),
                "jumping, both feet off the ground, arms up.",
                List.of(Illustration.of(J.HEAD, null, -10))));

        // 28. Heavy squat with a barbell (later phases only).
        list.add(new Illustration(
                "heavy-squat-deadlift",
                "Heavy squats and deadlifts",
                Scene.of(barbellHold(Pose.standing()), Props.barbell()),
                "standing with a heavy barbell across the shoulders.",
                Scene.of(barbellHold(squat()), Props.barbell()),
                "squatting down under the load and standing up again.",
                List.of(Illustration.of(J.SHOULDERS, null, 14))));

        // 29. Sit-up (not recommended).
        list.add(new Illustration(
                "sit-up-crunch",
                "Sit-ups and crunches",
                Scene.of(handsBehindHead(Pose.hookLying()), Props.mat()),
                "lying on the back, knees bent, hands behind the head.",
                Scene.of(handsBehindHead(Pose.hookLying().trunk(150, 115).head(100)), Props.mat()),
                "the trunk curled up off the floor.",
                List.of(Illustration.of(J.HEAD, null, 14))));

        Map<String, Illustration> byKey = new LinkedHashMap<>();
        list.forEach(i -> byKey.put(i.key(), i));
        return byKey;
    }

    // ---- Shared poses -------------------------------------------------------------------------------------------

    static Pose strideNearForward() {
        return Pose.standing()
                .trunk(88, 90)
                .leg(NEAR, -72, -88, 12)
                .leg(FAR, -108, -118, -20)
                .arm(NEAR, -105, -95, -95)
                .arm(FAR, -72, -45, -45);
    }

    static Pose strideFarForward() {
        return Pose.standing()
                .trunk(88, 90)
                .leg(FAR, -72, -88, 12)
                .leg(NEAR, -108, -118, -20)
                .arm(FAR, -105, -95, -95)
                .arm(NEAR, -72, -45, -45);
    }

    /** Seen from behind, pelvis moved sideways by {@code shift}, feet still. */
    static Pose weightShift(double shift) {
        return Pose.standing()
                .frontal()
                .evenSides()
                .hip(shift, 100)
                .trunk(90 + shift * 0.4, 90)
                .legTo(NEAR, -13 - shift, -85, -1, 180)
                .legTo(FAR, 13 - shift, -85, 1, 0)
                .armTo(NEAR, -22 - shift, 4, -1, -90)
                .armTo(FAR, 22 - shift, 4, 1, -90);
    }

    /** Sitting on a chair, thighs level, feet flat, hands on the thighs. */
    static Pose seated() {
        return Pose.standing()
                .leg(FAR, 0, -90, 0)
                .leg(NEAR, 0, -90, 0)
                .armTo(NEAR, J.KNEE, NEAR, -14, 8, -1, -10)
                .armTo(FAR, J.KNEE, FAR, -16, 8, -1, -10);
    }

    static Pose seatedTall() {
        return seated().trunk(92, 90);
    }

    /** Sitting slumped: the spine rounded, chin tucked. */
    static Pose slumped() {
        return seated().trunk(102, 62).head(35);
    }

    /** Lying on the back, hips and knees at 90 degrees, arms toward the ceiling. */
    static Pose tabletop() {
        return Pose.supine().legs(90, 0, 80).arms(85, 85, 85);
    }

    static Pose quadruped() {
        return Pose.standing()
                .trunk(4, 4)
                .head(10)
                .legs(-90, 180, 180)
                .armTo(NEAR, 49, -49, 1, 0)
                .armTo(FAR, 49, -49, 1, 0);
    }

    static Pose forearmsAndKnees() {
        return Pose.standing().trunk(-17, -17).head(-5).legs(-90, 180, 180).arms(-90, 0, 0);
    }

    static Pose kneePlank() {
        return Pose.standing().trunk(17, 17).head(17).legs(197, 180, 180).arms(-90, 0, 0);
    }

    /** Side-lying seen from the front, head to the right, the near leg on top. */
    static Pose clamshell(boolean open) {
        Pose p = Pose.standing()
                .frontal()
                .legScale(0.72)
                .trunk(0, 0)
                .head(0)
                .leg(FAR, 198, 162, 180)
                .arm(FAR, 0, 0, 0)
                .armTo(NEAR, -2, 12, 1, 180);
        return open
                ? p.legScale(NEAR, 0.95).legTo(NEAR, J.ANKLE, FAR, 0, 9, -1, 180)
                : p.legScale(NEAR, 0.74).legTo(NEAR, J.ANKLE, FAR, 0, 9, 1, 180);
    }

    /** Standing seen from the front, the far hand on a chair back; {@code lifted}: the near leg out to the side. */
    static Pose abduction(boolean lifted) {
        Pose p = Pose.standing()
                .frontal()
                .evenSides()
                .leg(FAR, -90, -90, 0)
                .arm(NEAR, -95, -95, -95)
                .armTo(FAR, 30, 10, -1, 0);
        return lifted ? p.leg(NEAR, -118, -118, 180) : p.leg(NEAR, -90, -90, 180);
    }

    /** The near ankle resting across the far knee, the near knee turned out toward the viewer. */
    static Pose figure4(Pose p, int bend) {
        return p.legScale(NEAR, 0.8).legTo(NEAR, J.KNEE, FAR, 4, 8, bend, 20);
    }

    static Pose strapStart() {
        return Pose.hookLying()
                .leg(NEAR, 95, 5, 95)
                .armTo(NEAR, J.SHOULDERS, null, 20, 34, -1, 60)
                .armTo(FAR, J.SHOULDERS, null, 22, 32, -1, 60);
    }

    static Pose strapEnd() {
        return Pose.hookLying()
                .leg(NEAR, 72, 72, 150)
                .armTo(NEAR, J.SHOULDERS, null, 14, 36, -1, 70)
                .armTo(FAR, J.SHOULDERS, null, 16, 34, -1, 70);
    }

    /** Standing on the far leg, the near heel on a step; {@code trunk} 90 upright, less for a hip hinge. */
    static Pose scoop(double trunk) {
        return Pose.standing()
                .hip(0, 100)
                .trunk(trunk, trunk)
                .head(trunk + 5)
                .leg(NEAR, -50, -50, 50)
                .leg(FAR, -92, -92, 0)
                .armTo(NEAR, J.WAIST, null, 8, -2, -1, -80)
                .armTo(FAR, J.WAIST, null, 10, -2, -1, -80);
    }

    /** On the bike with the near pedal at {@code angle} degrees round the crank. */
    static Pose cycling(double angle) {
        double r = 15;
        double cx = 24;
        double cy = -62;
        double a = Math.toRadians(angle);
        double b = a + Math.PI;
        return Pose.standing()
                .free()
                .hip(0, 100)
                .trunk(84, 84)
                .legTo(NEAR, cx + r * Math.cos(a), cy + r * Math.sin(a) + 7, 1, -8)
                .legTo(FAR, cx + r * Math.cos(b), cy + r * Math.sin(b) + 7, 1, -8)
                .armTo(NEAR, 40, 38, -1, 0)
                .armTo(FAR, 40, 38, -1, 0);
    }

    static Pose swim(boolean nearForward) {
        Pose p = Pose.standing()
                .free()
                .hip(0, 60)
                .trunk(2, 0)
                .head(-5)
                .leg(NEAR, 186, 178, 170)
                .leg(FAR, 176, 184, 185);
        return nearForward
                ? p.arm(NEAR, 5, 0, -5).arm(FAR, 120, 35, -30)
                : p.arm(FAR, 5, 0, -5).arm(NEAR, 120, 35, -30);
    }

    static Pose squat() {
        return Pose.standing()
                .hip(-30, 100)
                .trunk(52, 56)
                .head(65)
                .legs(0, -110, 0)
                .arms(-80, -80, -80);
    }

    static Pose barbellHold(Pose p) {
        return p.armTo(NEAR, J.SHOULDERS, null, -14, 2, 1, 120).armTo(FAR, J.SHOULDERS, null, -12, 2, 1, 120);
    }

    static Pose handsBehindHead(Pose p) {
        return p.armTo(NEAR, J.HEAD, null, -2, 0, -1, 180).armTo(FAR, J.HEAD, null, -2, 0, -1, 180);
    }
}
