package clinic.program.media;

import clinic.kit.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An upload the {@link ImageCheck} refuses, with the status and the words the physio sees: 413 too large, 415 not a
 * PNG, JPEG or WebP picture (naming what the file looks like), 422 too many pixels or not readable. Answered as
 * problem+json by {@link MediaProblems}.
 */
public final class ImageRefused extends RuntimeException {

    private static final String ACCEPTED = "Upload a photo or picture saved as PNG, JPEG or WebP.";

    private final int status;
    private final String title;
    private final Map<String, Object> members;

    private ImageRefused(int status, String title, String detail, Map<String, Object> members) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.members = members;
    }

    static ImageRefused tooLarge(long bytes) {
        return new ImageRefused(
                413,
                "Picture too large",
                "The picture is larger than 5 MB. Save it smaller (for example as a JPEG, or with fewer pixels)"
                        + " and upload it again.",
                Map.of("maxBytes", ImageCheck.MAX_BYTES));
    }

    static ImageRefused wrongType(String detected) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("detectedType", detected);
        members.put("accepted", java.util.List.of("image/png", "image/jpeg", "image/webp"));
        return new ImageRefused(
                415,
                "Not a PNG, JPEG or WebP picture",
                "This file is " + detected + ", not a picture the library accepts (whatever its name says). "
                        + ACCEPTED,
                members);
    }

    static ImageRefused tooManyPixels(int width, int height) {
        return new ImageRefused(
                422,
                "Picture has too many pixels",
                "The picture is " + width + " x " + height + " pixels; the most the library takes is 40 megapixels."
                        + " Make it smaller (a long side of 1600 pixels is plenty) and upload it again.",
                Map.of("width", width, "height", height, "maxPixels", ImageCheck.MAX_PIXELS));
    }

    static ImageRefused undecodable(ImageCheck.Kind kind) {
        return new ImageRefused(
                422,
                "Picture cannot be read",
                "The file starts like a " + kind + " picture but could not be read: it may be damaged or cut off."
                        + " Open it on your computer, save it again and upload that copy.",
                Map.of("detectedType", kind.name()));
    }

    /** No file part in the request. */
    static ImageRefused missingFile() {
        return new ImageRefused(400, "No picture", "Choose a picture file to upload (form field 'file').", Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> members() {
        return members;
    }

    public Problem problem() {
        return new Problem("about:blank", title, status, getMessage(), null, members);
    }
}
