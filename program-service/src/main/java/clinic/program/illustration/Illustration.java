package clinic.program.illustration;

import java.util.ArrayList;
import java.util.List;

/**
 * What one exercise's drawing shows: a start and an end {@link Scene}, and the motion arrows drawn on the end panel.
 * {@code key} is the built-in exercise's slug (the exercise's {@code illustration} column); {@code start} and {@code
 * end} are short words for the image's description, read by screen readers.
 */
public record Illustration(
        String key, String name, Scene startScene, String start, Scene endScene, String end, List<Motion> motions) {

    /** Something drawn with the figure (a chair, a mat, a strap), placed from the solved figure's joints. */
    @FunctionalInterface
    public interface Prop {
        void draw(Body body, Sketch sketch);
    }

    /** An arrow on the end panel from where a part was at the start to where it is at the end. */
    @FunctionalInterface
    public interface Motion {
        void draw(Body start, Body end, Sketch sketch);
    }

    /** One panel: the pose, what is drawn behind it, what in front of it, and whether a floor line shows. */
    public record Scene(Pose pose, List<Prop> behind, List<Prop> front, boolean floor) {

        public static Scene of(Pose pose, Prop... behind) {
            return new Scene(pose, List.of(behind), List.of(), true);
        }

        public Scene over(Prop... front) {
            List<Prop> all = new ArrayList<>(this.front);
            all.addAll(List.of(front));
            return new Scene(pose, behind, List.copyOf(all), floor);
        }

        public Scene noFloor() {
            return new Scene(pose, behind, front, false);
        }
    }

    /** Motion of one joint from its start to its end place, the arrow bowed by {@code bow} units. */
    public static Motion of(Body.J joint, Pose.Side side, double bow) {
        return (start, end, sketch) -> sketch.arrow(start.get(joint, side), end.get(joint, side), bow);
    }

    /** A turn of the trunk: a curved arrow across the chest, from behind the body round to the front. */
    public static Motion turn() {
        return (start, end, sketch) -> {
            Pose.Vec at = end.get(Body.J.WAIST).plus(new Pose.Vec(0, 12));
            sketch.arrow(at.plus(new Pose.Vec(-24, 8)), at.plus(new Pose.Vec(26, 6)), 14);
        };
    }
}
