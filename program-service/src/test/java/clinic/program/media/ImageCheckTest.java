package clinic.program.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The upload rules on their own: type by content, size, pixel count, decoding, re-encoding and resizing. */
class ImageCheckTest {

    private final ImageCheck check = new ImageCheck();

    @Test
    void typeIsReadFromTheFirstBytes() {
        assertThat(ImageCheck.detect(TestImages.png(10, 10, false))).isEqualTo(ImageCheck.Kind.PNG);
        assertThat(ImageCheck.detect(TestImages.jpeg(10, 10))).isEqualTo(ImageCheck.Kind.JPEG);
        assertThat(ImageCheck.detect(TestImages.resource("opaque-400x300.webp")))
                .isEqualTo(ImageCheck.Kind.WEBP);
        assertThat(ImageCheck.detect("GIF89a....".getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
        // RIFF alone is not WebP (a WAV file is RIFF/WAVE).
        assertThat(ImageCheck.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
    }

    @Test
    void aTextFileIsRefused415SayingWhatItIs() {
        ImageRefused refused = catchThrowableOfType(
                ImageRefused.class,
                () -> check.check("just some notes, saved as notes.png\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.members()).containsEntry("detectedType", "a text file");
        assertThat(refused.getMessage()).contains("a text file").contains("PNG, JPEG or WebP");
    }

    @Test
    void otherImageTypesAreNamedInTheRefusal() {
        assertThat(ImageCheck.describe("GIF89a".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("a GIF image");
        assertThat(ImageCheck.describe("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("a PDF document");
        assertThat(ImageCheck.describe("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("an SVG drawing");
        assertThat(ImageCheck.describe(new byte[0])).isEqualTo("an empty file");
    }

    @Test
    void moreThanFiveMegabytesIsRefused413BeforeAnythingElse() {
        byte[] big = Arrays.copyOf(TestImages.png(10, 10, false), (int) ImageCheck.MAX_BYTES + 1);
        ImageRefused refused = catchThrowableOfType(ImageRefused.class, () -> check.check(big));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.getMessage()).contains("larger than 5 MB");
    }

    @Test
    void tooManyPixelsIsRefused422FromTheHeaderBeforeDecoding() {
        byte[] huge = TestImages.hugePng(10_000, 5_000);
        assertThat(huge.length).isLessThan(100_000);
        long start = System.nanoTime();
        ImageRefused refused = catchThrowableOfType(ImageRefused.class, () -> check.check(huge));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("10000 x 5000").contains("40 megapixels");
        // Decoding 50 megapixels takes far longer than reading a header.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aDamagedPictureIsRefused422() {
        byte[] png = TestImages.png(200, 200, false);
        byte[] cut = Arrays.copyOf(png, 40); // signature and header, no pixel data
        ImageRefused refused = catchThrowableOfType(ImageRefused.class, () -> check.check(cut));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("could not be read");
    }

    @Test
    void aLargePhotoIsReducedToFullSizeAndThumbnailAsJpeg() {
        ImageCheck.Checked checked = check.check(TestImages.jpeg(3000, 2000));
        assertThat(checked.full().contentType()).isEqualTo("image/jpeg");
        assertThat(checked.full().width()).isEqualTo(1600);
        assertThat(checked.full().height()).isEqualTo(1067);
        assertThat(checked.thumb().width()).isEqualTo(320);
        assertThat(checked.thumb().height()).isEqualTo(213);
        BufferedImage full = TestImages.read(checked.full().bytes());
        assertThat(full.getWidth()).isEqualTo(1600);
        assertThat(TestImages.read(checked.thumb().bytes()).getWidth()).isEqualTo(320);
        assertThat(checked.full().sha256())
                .hasSize(64)
                .isNotEqualTo(checked.thumb().sha256());
    }

    @Test
    void aSmallPictureIsNeverEnlarged() {
        ImageCheck.Checked checked = check.check(TestImages.png(200, 120, false));
        assertThat(checked.full().width()).isEqualTo(200);
        assertThat(checked.full().height()).isEqualTo(120);
        assertThat(checked.thumb().width()).isEqualTo(200);
        // A PNG without transparency is a photo or a screenshot: stored as JPEG.
        assertThat(checked.full().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void transparencyIsKeptAsPng() {
        ImageCheck.Checked checked = check.check(TestImages.png(800, 400, true));
        assertThat(checked.full().contentType()).isEqualTo("image/png");
        BufferedImage full = TestImages.read(checked.full().bytes());
        assertThat(full.getColorModel().hasAlpha()).isTrue();
        assertThat(full.getRGB(0, 0) >>> 24).isZero(); // the transparent corner stays transparent
    }

    @Test
    void exifWithTheGpsPositionIsNotStoredAndTheOrientationIsApplied() {
        byte[] upload = TestImages.jpegWithExifGps(600, 400, 6); // 6: rotate 90 degrees clockwise to view
        assertThat(TestImages.contains(upload, "Exif")).isTrue();
        assertThat(ExifOrientation.of(upload)).isEqualTo(6);
        ImageCheck.Checked checked = check.check(upload);
        assertThat(TestImages.contains(checked.full().bytes(), "Exif")).isFalse();
        assertThat(TestImages.contains(checked.thumb().bytes(), "Exif")).isFalse();
        assertThat(checked.full().width()).isEqualTo(400);
        assertThat(checked.full().height()).isEqualTo(600);
    }

    @Test
    void webpIsReadAndStoredAsJpegOrPngWithoutItsColourProfile() {
        byte[] opaque = TestImages.resource("opaque-400x300.webp");
        assertThat(TestImages.contains(opaque, "ICCP")).isTrue();
        ImageCheck.Checked photo = check.check(opaque);
        assertThat(photo.sourceKind()).isEqualTo(ImageCheck.Kind.WEBP);
        assertThat(photo.full().contentType()).isEqualTo("image/jpeg");
        assertThat(photo.full().width()).isEqualTo(400);
        assertThat(photo.full().height()).isEqualTo(300);
        assertThat(TestImages.contains(photo.full().bytes(), "ICC_PROFILE")).isFalse();

        ImageCheck.Checked drawing = check.check(TestImages.resource("alpha-200x100.webp"));
        assertThat(drawing.full().contentType()).isEqualTo("image/png");
        assertThat(drawing.full().width()).isEqualTo(200);
    }

    @Test
    void aDamagedWebpIsRefused422() {
        byte[] webp = TestImages.resource("opaque-400x300.webp");
        assertThatThrownBy(() -> check.check(Arrays.copyOf(webp, 60)))
                .isInstanceOfSatisfying(
                        ImageRefused.class, r -> assertThat(r.status()).isEqualTo(422));
    }
}
