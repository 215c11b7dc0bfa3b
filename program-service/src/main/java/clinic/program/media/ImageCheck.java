package clinic.program.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The checks an uploaded picture passes before it is stored, and the re-encoding that makes what is stored. In order:
 *
 * <ol>
 *   <li>at most {@link #MAX_BYTES} (5 MB), else 413;
 *   <li>the type is read from the file's first bytes (PNG, JPEG, or WebP's RIFF/WEBP header), never from its name or
 *       the declared Content-Type, else 415 naming what the file looks like;
 *   <li>the width and height are read from the header, before any pixel is decoded: at most {@link #MAX_PIXELS}
 *       (40 megapixels), else 422 (a small file can declare a huge image and exhaust memory when decoded);
 *   <li>it decodes (large images with source subsampling, so no more than about 2x the full size is held in memory),
 *       else 422;
 *   <li>a JPEG's EXIF orientation is applied (a phone photo stays upright once its metadata is gone);
 *   <li>it is drawn into a new image and encoded again: a full size (longest side at most {@link #FULL_SIDE} px) and a
 *       thumbnail (at most {@link #THUMB_SIDE} px), never enlarged. JPEG for images without transparency, PNG where
 *       there is an alpha channel. Nothing of the upload's metadata (EXIF with GPS position, camera, XMP, comments,
 *       ICC profiles, PNG text chunks) is carried over, because only pixels are copied.
 * </ol>
 *
 * A plain class (no CDI, no database) so every rule has a unit test.
 */
public final class ImageCheck {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int FULL_SIDE = 1600;
    public static final int THUMB_SIDE = 320;
    static final float JPEG_QUALITY = 0.85f;

    /** The accepted upload types, by their first bytes. */
    public enum Kind {
        PNG,
        JPEG,
        WEBP
    }

    /** One stored encoding. */
    public record Encoded(byte[] bytes, String contentType, int width, int height, String sha256) {}

    /** What the checks made of an upload: both encodings (same content type) and what came in. */
    public record Checked(Kind sourceKind, int sourceSize, Encoded full, Encoded thumb) {}

    /** Checks and re-encodes an upload; {@link ImageRefused} says why not. */
    public Checked check(byte[] upload) {
        if (upload.length > MAX_BYTES) {
            throw ImageRefused.tooLarge(upload.length);
        }
        Kind kind = detect(upload);
        if (kind == null) {
            throw ImageRefused.wrongType(describe(upload));
        }
        BufferedImage decoded = decode(kind, upload);
        if (kind == Kind.JPEG) {
            decoded = upright(decoded, ExifOrientation.of(upload));
        }
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage full = scaled(decoded, FULL_SIDE, alpha);
        BufferedImage thumb = scaled(full, THUMB_SIDE, alpha);
        return new Checked(kind, upload.length, encode(full, alpha), encode(thumb, alpha));
    }

    /** The accepted type the bytes start with, or null. */
    public static Kind detect(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Kind.WEBP;
        }
        return null;
    }

    /** What a refused file looks like, in words for the refusal (the type it was detected as). */
    public static String describe(byte[] b) {
        if (b.length == 0) {
            return "an empty file";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return "a BMP image";
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return "a TIFF image";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
            return "a HEIC/AVIF image or a video";
        }
        if (startsWith(b, 0, 'P', 'K', 0x03, 0x04)) {
            return "a ZIP archive or an Office document";
        }
        String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        if (head.startsWith("<svg") || head.startsWith("<?xml") && head.contains("<svg")) {
            return "an SVG drawing";
        }
        if (head.regionMatches(true, 0, "<!doctype html", 0, 14) || head.regionMatches(true, 0, "<html", 0, 5)) {
            return "an HTML page";
        }
        if (looksLikeText(b)) {
            return "a text file";
        }
        return "an unknown kind of file";
    }

    private static BufferedImage decode(Kind kind, byte[] upload) {
        ImageReader reader = reader(kind);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            // seekForwardOnly, ignoreMetadata: nothing but the pixels is wanted.
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw ImageRefused.undecodable(kind);
            }
            if (width <= 0 || height <= 0) {
                throw ImageRefused.undecodable(kind);
            }
            if ((long) width * height > MAX_PIXELS) {
                throw ImageRefused.tooManyPixels(width, height);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // Read every n-th pixel of a large image: at most about 2x the full size is decoded into memory.
            int step = Math.max(1, Math.max(width, height) / FULL_SIDE);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                throw ImageRefused.undecodable(kind);
            }
            return image;
        } catch (ImageRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ImageRefused.undecodable(kind);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(Kind kind) {
        if (kind == Kind.WEBP) {
            // Instantiated directly rather than found through ImageIO's registry, which depends on the class loader
            // that first touched ImageIO.
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == Kind.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw ImageRefused.undecodable(kind);
        }
        return readers.next();
    }

    /** The image turned as EXIF orientation 1..8 says (1 or unknown: as it is). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirrored horizontally
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // 180 degrees
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirrored vertically
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // 90 degrees clockwise
            case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> t.setTransform(0, -1, 1, 0, 0, w); // 90 degrees counter-clockwise
            default -> {}
        }
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(
                swap ? h : w, swap ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A new image whose longest side is at most {@code side} (never enlarged), halving step by step so a large
     * reduction stays smooth. Always a fresh image of a standard type, so nothing of the source is carried over.
     */
    static BufferedImage scaled(BufferedImage source, int side, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) side / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * factor));
        int targetH = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = source;
        int cw = w;
        int ch = h;
        do {
            cw = Math.max(targetW, cw / 2);
            ch = Math.max(targetH, ch / 2);
            current = draw(current, cw, ch, alpha);
        } while (cw != targetW || ch != targetH);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h, boolean alpha) {
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!alpha) {
                // A source with transparency that is encoded as JPEG gets a white background, not black.
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
            } else {
                g.setComposite(AlphaComposite.Src);
            }
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Encoded encode(BufferedImage image, boolean alpha) {
        String format = alpha ? "png" : "jpeg";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!alpha) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata object: the writer writes only its minimal header (JFIF for JPEG, IHDR for PNG).
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Encoding a decoded picture failed", e);
        } finally {
            writer.dispose();
        }
        byte[] encoded = bytes.toByteArray();
        return new Encoded(
                encoded, alpha ? "image/png" : "image/jpeg", image.getWidth(), image.getHeight(), sha256(encoded));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
                return false;
            }
        }
        return true;
    }
}
