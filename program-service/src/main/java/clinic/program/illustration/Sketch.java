package clinic.program.illustration;

import clinic.program.illustration.Pose.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shapes of one panel in drawing units (y up, floor at 0), written out as SVG once the panel's place is known.
 * Colours and widths are presentation attributes, not a style sheet, so the image needs no style rule of any page
 * that shows it.
 */
final class Sketch {

    static final String NEAR = "#1d3f5e";
    static final String FAR = "#93abc2";
    static final String PROP = "#7b8794";
    static final String PROP_FILL = "#eef1f4";
    static final String ACCENT = "#d9731f";
    static final String WATER = "#4a90c2";

    /** Moves a drawing-unit point to the panel's place in the SVG. */
    record Place(double left, double floor, double originX) {
        double x(double x) {
            return left + x - originX;
        }

        double y(double y) {
            return floor - y;
        }
    }

    private interface Shape {
        void grow(double[] b);

        String svg(Place p);
    }

    private final List<Shape> shapes = new ArrayList<>();

    static String n(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private static void grow(double[] b, double x, double y, double pad) {
        b[0] = Math.min(b[0], x - pad);
        b[1] = Math.min(b[1], y - pad);
        b[2] = Math.max(b[2], x + pad);
        b[3] = Math.max(b[3], y + pad);
    }

    /** A thick line through the points with round caps and joins. */
    Sketch line(List<Vec> points, double width, String colour) {
        return line(points, width, colour, null);
    }

    Sketch line(List<Vec> points, double width, String colour, String dash) {
        List<Vec> pts = List.copyOf(points);
        shapes.add(new Shape() {
            public void grow(double[] b) {
                pts.forEach(v -> Sketch.grow(b, v.x(), v.y(), width / 2));
            }

            public String svg(Place p) {
                StringBuilder s = new StringBuilder();
                for (Vec v : pts) {
                    s.append(s.length() == 0 ? "" : " ")
                            .append(n(p.x(v.x())))
                            .append(',')
                            .append(n(p.y(v.y())));
                }
                return "<polyline points=\"" + s + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\""
                        + n(width) + "\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
                        + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
            }
        });
        return this;
    }

    Sketch line(Vec a, Vec b, double width, String colour) {
        return line(List.of(a, b), width, colour);
    }

    /** A rectangle given by its lower-left corner, with a thin outline. */
    Sketch rect(double x, double y, double w, double h, String fill, String stroke, double opacity) {
        shapes.add(new Shape() {
            public void grow(double[] b) {
                Sketch.grow(b, x, y, 1);
                Sketch.grow(b, x + w, y + h, 1);
            }

            public String svg(Place p) {
                return "<rect x=\"" + n(p.x(x)) + "\" y=\"" + n(p.y(y + h)) + "\" width=\"" + n(w) + "\" height=\""
                        + n(h) + "\" rx=\"2\" fill=\"" + fill + "\""
                        + (opacity < 1 ? " fill-opacity=\"" + n(opacity) + "\"" : "")
                        + (stroke == null ? "" : " stroke=\"" + stroke + "\" stroke-width=\"2\"") + "/>";
            }
        });
        return this;
    }

    Sketch circle(Vec c, double r, String fill, String stroke, double width) {
        shapes.add(new Shape() {
            public void grow(double[] b) {
                Sketch.grow(b, c.x(), c.y(), r + width / 2);
            }

            public String svg(Place p) {
                return "<circle cx=\"" + n(p.x(c.x())) + "\" cy=\"" + n(p.y(c.y())) + "\" r=\"" + n(r) + "\" fill=\""
                        + fill + "\"" + (stroke == null ? "" : " stroke=\"" + stroke + "\" stroke-width=\"" + n(width))
                        + (stroke == null ? "" : "\"") + "/>";
            }
        });
        return this;
    }

    /**
     * A curved arrow from {@code a} to {@code b}, bowed to the left of the way (negative {@code bow}: to the right),
     * with its head at {@code b}: the motion from start to end.
     */
    Sketch arrow(Vec a, Vec b, double bow) {
        Vec mid = new Vec((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
        Vec d = b.minus(a);
        double len = Math.max(1, d.length());
        Vec ctl = new Vec(mid.x() - d.y() / len * bow, mid.y() + d.x() / len * bow);
        shapes.add(new Shape() {
            public void grow(double[] bb) {
                Sketch.grow(bb, a.x(), a.y(), 3);
                Sketch.grow(bb, b.x(), b.y(), 8);
            }

            public String svg(Place p) {
                // The head points along the curve's last tangent (control point to end).
                double tx = b.x() - ctl.x();
                double ty = b.y() - ctl.y();
                double tl = Math.max(1e-6, Math.hypot(tx, ty));
                tx /= tl;
                ty /= tl;
                double hl = 9;
                double hw = 5;
                Vec left = new Vec(b.x() - tx * hl - ty * hw, b.y() - ty * hl + tx * hw);
                Vec right = new Vec(b.x() - tx * hl + ty * hw, b.y() - ty * hl - tx * hw);
                // The line stops short of the tip so the round cap does not poke through the head.
                Vec end = new Vec(b.x() - tx * 5, b.y() - ty * 5);
                return "<path d=\"M" + n(p.x(a.x())) + "," + n(p.y(a.y())) + " Q" + n(p.x(ctl.x())) + ","
                        + n(p.y(ctl.y())) + " " + n(p.x(end.x())) + "," + n(p.y(end.y()))
                        + "\" fill=\"none\" stroke=\"" + ACCENT
                        + "\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-dasharray=\"6 5\"/>"
                        + "<polygon points=\"" + n(p.x(b.x())) + "," + n(p.y(b.y())) + " " + n(p.x(left.x())) + ","
                        + n(p.y(left.y())) + " " + n(p.x(right.x())) + "," + n(p.y(right.y())) + "\" fill=\""
                        + ACCENT + "\"/>";
            }
        });
        return this;
    }

    /** The figure: far limbs, trunk, head, near limbs. */
    Sketch body(Body body) {
        for (Body.Capsule c : body.capsules()) {
            String colour = c.side() == Pose.Side.FAR && !body.evenSides() ? FAR : NEAR;
            if (c.side() == null) {
                // The head goes on before the near limbs, so an arm in front of the face covers it.
                line(c.points(), c.width(), colour);
                if (c.width() == Body.NECK_W) {
                    head(body);
                }
            } else {
                line(c.points(), c.width(), colour);
            }
        }
        return this;
    }

    private void head(Body body) {
        Vec h = body.get(Body.J.HEAD);
        circle(h, Pose.HEAD_RADIUS, NEAR, null, 0);
        if (!body.frontal()) {
            // A small nose shows which way the face looks.
            Vec nose = h.plus(Vec.polar(Pose.HEAD_RADIUS + 1.5, body.headAngle() - 80));
            line(h.plus(Vec.polar(Pose.HEAD_RADIUS - 3, body.headAngle() - 80)), nose, 5, NEAR);
        }
    }

    double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        shapes.forEach(s -> s.grow(b));
        return b;
    }

    String svg(Place p) {
        StringBuilder s = new StringBuilder();
        shapes.forEach(shape -> s.append(shape.svg(p)).append('\n'));
        return s.toString();
    }
}
