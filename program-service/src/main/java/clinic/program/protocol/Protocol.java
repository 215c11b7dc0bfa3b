package clinic.program.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phased protocol; its phases and exercises are rows, so a clinic adds one without code. */
@Entity
@Table(name = "protocol")
public class Protocol {

    @Id
    public Long id;

    @Column(nullable = false, length = 60)
    public String code;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(columnDefinition = "TEXT")
    public String description;
}
