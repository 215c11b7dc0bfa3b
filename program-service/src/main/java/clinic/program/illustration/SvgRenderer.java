package clinic.program.illustration;

import clinic.program.illustration.Illustration.Prop;
import clinic.program.illustration.Illustration.Scene;

/**
 * Draws an {@link Illustration} as one SVG: a "Start" and an "End" panel side by side with an arrow between them,
 * motion arrows on the end panel. Both panels share one scale and one horizontal origin, so what does not move stays
 * in place. Every drawing is 600 units wide and, unless a figure would not fit, drawn at the same scale, so all share
 * one line weight; the height follows the figure (a body lying on the floor gets a low image, a standing one 270). No
 * scripts, no links, no fonts but the generic sans-serif.
 */
final class SvgRenderer {

    static final int WIDTH = 600;
    /** The tallest drawing; a lower figure (lying, kneeling) gets a lower image at the same scale. */
    static final int MAX_HEIGHT = 270;
    /** Room above the figure for the panel's label, and below the floor line. */
    static final int TOP = 38;

    static final int BELOW = 20;
    static final int MIN_HEIGHT = 140;
    static final int PANEL = 272;
    /** Room for the figure above the floor and across a panel, in drawing units. */
    static final double ROOM_UP = MAX_HEIGHT - TOP - BELOW;

    static final double ROOM_ACROSS = 256;

    private SvgRenderer() {}

    static String render(Illustration ill) {
        Body startBody = ill.startScene().pose().solve();
        Body endBody = ill.endScene().pose().solve();
        Sketch start = sketch(ill.startScene(), startBody);
        Sketch end = sketch(ill.endScene(), endBody);
        ill.motions().forEach(m -> m.draw(startBody, endBody, end));

        double[] a = start.bounds();
        double[] b = end.bounds();
        double minX = Math.min(a[0], b[0]);
        double maxX = Math.max(a[2], b[2]);
        double maxY = Math.max(a[3], b[3]);
        double scale = Math.min(1, Math.min(ROOM_ACROSS / (maxX - minX), ROOM_UP / maxY));
        int height = (int) Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.ceil(TOP + maxY * scale + BELOW)));
        double originX = (minX + maxX) / 2;

        String title = escape(ill.name());
        String desc = escape(ill.name() + ": start and end position. Start: " + ill.start() + " End: " + ill.end());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"title desc\">\n")
                .append("<title id=\"title\">")
                .append(title)
                .append("</title>\n<desc id=\"desc\">")
                .append(desc)
                .append("</desc>\n")
                .append("<rect width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        panel(svg, "Start", 8, start, ill.startScene().floor(), scale, originX, height);
        panel(svg, "End", WIDTH - 8 - PANEL, end, ill.endScene().floor(), scale, originX, height);
        // The arrow from the start panel to the end panel.
        double mid = height / 2.0;
        svg.append("<path d=\"M")
                .append(Sketch.n(8 + PANEL + 9))
                .append(',')
                .append(Sketch.n(mid))
                .append(" H")
                .append(Sketch.n(WIDTH - 8 - PANEL - 12))
                .append("\" stroke=\"")
                .append(Sketch.NEAR)
                .append("\" stroke-width=\"4\" stroke-linecap=\"round\"/>\n")
                .append("<polygon points=\"")
                .append(Sketch.n(WIDTH - 8 - PANEL - 5))
                .append(',')
                .append(Sketch.n(mid))
                .append(' ')
                .append(Sketch.n(WIDTH - 8 - PANEL - 15))
                .append(',')
                .append(Sketch.n(mid - 8))
                .append(' ')
                .append(Sketch.n(WIDTH - 8 - PANEL - 15))
                .append(',')
                .append(Sketch.n(mid + 8))
                .append("\" fill=\"")
                .append(Sketch.NEAR)
                .append("\"/>\n</svg>\n");
        return svg.toString();
    }

    private static Sketch sketch(Scene scene, Body body) {
        Sketch s = new Sketch();
        for (Prop p : scene.behind()) {
            p.draw(body, s);
        }
        s.body(body);
        for (Prop p : scene.front()) {
            p.draw(body, s);
        }
        return s;
    }

    private static void panel(
            StringBuilder svg,
            String label,
            double left,
            Sketch sketch,
            boolean floor,
            double scale,
            double originX,
            int height) {
        svg.append("<g>\n<rect x=\"")
                .append(Sketch.n(left))
                .append("\" y=\"6\" width=\"")
                .append(PANEL)
                .append("\" height=\"")
                .append(height - 12)
                .append("\" rx=\"8\" fill=\"#f7f9fb\" stroke=\"#d5dce3\" stroke-width=\"1.5\"/>\n");
        if (floor) {
            svg.append("<line x1=\"")
                    .append(Sketch.n(left + 6))
                    .append("\" y1=\"")
                    .append(height - BELOW)
                    .append("\" x2=\"")
                    .append(Sketch.n(left + PANEL - 6))
                    .append("\" y2=\"")
                    .append(height - BELOW)
                    .append("\" stroke=\"#5c6670\" stroke-width=\"3\" stroke-linecap=\"round\"/>\n");
        }
        svg.append("<text x=\"")
                .append(Sketch.n(left + 12))
                .append("\" y=\"28\" font-family=\"sans-serif\" font-size=\"17\" font-weight=\"bold\" fill=\"")
                .append(Sketch.NEAR)
                .append("\">")
                .append(label)
                .append("</text>\n");
        svg.append("<g transform=\"translate(")
                .append(Sketch.n(left + PANEL / 2.0))
                .append(' ')
                .append(height - BELOW)
                .append(")")
                .append(scale < 1 ? " scale(" + String.format(java.util.Locale.ROOT, "%.3f", scale) + ")" : "")
                .append("\">\n")
                .append(sketch.svg(new Sketch.Place(0, 0, originX)))
                .append("</g>\n</g>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
