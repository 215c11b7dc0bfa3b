package clinic.patient.registry;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** A patient of the clinic. */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Human-friendly, e.g. {@code PT-000123}; never reused. */
    @Column(name = "clinic_number", nullable = false, length = 20, updatable = false)
    public String clinicNumber;

    @Column(name = "given_name", nullable = false, length = 100)
    public String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", length = 20)
    public Sex sex;

    /** Stored lower-case so duplicates and Keycloak look-ups compare equal. */
    @Column(name = "email", length = 254)
    public String email;

    @Column(name = "phone", length = 20)
    public String phone;

    @Column(name = "medical_condition", length = 2000)
    public String condition;

    @Column(name = "referral_source", length = 200)
    public String referralSource;

    /** The day the patient consented to an exercise program; null until they do. */
    @Column(name = "consent_date")
    public LocalDate consentDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    public PatientStatus status;

    /** User name of the responsible physiotherapist. */
    @Column(name = "care_physio", nullable = false, length = 100)
    public String carePhysio;

    /**
     * User names of the other physios who may read and change this record (besides {@link #carePhysio}); changed
     * only through {@code PUT /api/patients/{id}/care-team}. A change bumps {@link #version}.
     */
    @ElementCollection
    @CollectionTable(name = "patient_care_team", joinColumns = @JoinColumn(name = "patient_id"))
    @Column(name = "username", nullable = false, length = 100)
    @BatchSize(size = 100)
    public Set<String> careTeam = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "account", nullable = false, length = 20)
    public AccountState account;

    /** Keycloak user name of the linked login, once the account exists. */
    @Column(name = "account_username", length = 254)
    public String accountUsername;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
