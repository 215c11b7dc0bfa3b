package clinic.program.media;

import java.util.Optional;

/**
 * Where exercise pictures are kept, by id. The implementation in use is {@link DatabaseMediaStore}: the bytes live in
 * the service's own database, which every replica shares, so any replica serves any picture and a local clinic needs
 * no extra server. A clinic that would rather keep pictures in an S3-compatible object store (S3, MinIO, Ceph) would
 * add a second implementation of this interface (keys {@code media/<id>/full} and {@code media/<id>/thumb}, the
 * metadata row staying in the database); it is not built (docs/operations.md "Media").
 */
public interface MediaStore {

    /** Stores both encodings of a checked upload and returns the new id. Joins the caller's transaction. */
    long put(ImageCheck.Checked image, String createdBy);

    /** One size of a stored picture, or empty when there is no such id. */
    Optional<Stored> get(long id, Size size);

    /** Removes a picture; only for pictures no exercise revision points at. */
    void delete(long id);

    /** The two encodings every picture has. */
    enum Size {
        FULL,
        THUMB
    }

    /** The bytes of one size with what is needed to serve them. */
    record Stored(byte[] bytes, String contentType, String sha256) {}
}
