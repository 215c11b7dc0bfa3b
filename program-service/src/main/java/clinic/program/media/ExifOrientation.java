package clinic.program.media;

/**
 * Reads the one piece of a JPEG's EXIF that matters once the metadata is gone: its orientation (tag 0x0112, 1..8),
 * so a phone photo taken upright is stored upright. Everything else of the EXIF block, GPS position included, is
 * never read and never stored. Malformed or missing EXIF is orientation 1 (as the pixels are).
 */
final class ExifOrientation {

    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        try {
            int i = 2; // after SOI
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1; // start of scan or end of image: no EXIF before the pixels
                }
                int length = u16(jpeg, i + 2, false);
                if (length < 2) {
                    return 1;
                }
                if (marker == 0xE1 && isExif(jpeg, i + 4)) {
                    return fromTiff(jpeg, i + 10, i + 2 + length);
                }
                i += 2 + length;
            }
        } catch (IndexOutOfBoundsException malformed) {
            return 1;
        }
        return 1;
    }

    private static boolean isExif(byte[] b, int at) {
        return at + 6 <= b.length
                && b[at] == 'E'
                && b[at + 1] == 'x'
                && b[at + 2] == 'i'
                && b[at + 3] == 'f'
                && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return 1;
        }
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int n = 0; n < entries; n++) {
            int entry = ifd + 2 + n * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}
