package clinic.program.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link MediaStore} on the {@code media} table (V14): both encodings in MEDIUMBLOB columns of one row. A read fetches
 * only the size asked for. Pictures are at most 1600 px on the long side after re-encoding (typically 100-400 KB for
 * the full size and 10-30 KB for the thumbnail), so rows stay small.
 */
@ApplicationScoped
public class DatabaseMediaStore implements MediaStore {

    private final EntityManager em;

    public DatabaseMediaStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long put(ImageCheck.Checked image, String createdBy) {
        em.createNativeQuery("insert into media (content_type, full_bytes, full_width, full_height, full_size, sha256,"
                        + " thumb_bytes, thumb_width, thumb_height, thumb_size, thumb_sha256, source_size, source_type,"
                        + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, image.full().contentType())
                .setParameter(2, image.full().bytes())
                .setParameter(3, image.full().width())
                .setParameter(4, image.full().height())
                .setParameter(5, image.full().bytes().length)
                .setParameter(6, image.full().sha256())
                .setParameter(7, image.thumb().bytes())
                .setParameter(8, image.thumb().width())
                .setParameter(9, image.thumb().height())
                .setParameter(10, image.thumb().bytes().length)
                .setParameter(11, image.thumb().sha256())
                .setParameter(12, image.sourceSize())
                .setParameter(13, image.sourceKind().name())
                .setParameter(14, createdBy)
                .setParameter(15, LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        Object id = em.createNativeQuery("select last_insert_id()").getSingleResult();
        return ((Number) (id instanceof BigInteger big ? big : id)).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Stored> get(long id, Size size) {
        String columns =
                size == Size.THUMB ? "thumb_bytes, content_type, thumb_sha256" : "full_bytes, content_type, sha256";
        List<Object[]> rows = em.createNativeQuery("select " + columns + " from media where id = ?")
                .setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Stored((byte[]) row[0], (String) row[1], (String) row[2]));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(long id) {
        em.createNativeQuery("delete from media where id = ?")
                .setParameter(1, id)
                .executeUpdate();
    }
}
