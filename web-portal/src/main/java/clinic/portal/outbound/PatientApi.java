package clinic.portal.outbound;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Payloads of patient-service, named as in the contract; unknown fields are ignored so the service may add more. */
public final class PatientApi {

    private PatientApi() {}

    /** A patient record as patient-service shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(
            Long id,
            String clinicNumber,
            String givenName,
            String familyName,
            String dateOfBirth,
            String email,
            String phone,
            String condition,
            String carePhysio,
            String status,
            String account,
            Long version,
            List<String> careTeam) {

        /** A patient without a care team beyond the care physio (records from before care teams, tests). */
        public Patient(
                Long id,
                String clinicNumber,
                String givenName,
                String familyName,
                String dateOfBirth,
                String email,
                String phone,
                String condition,
                String carePhysio,
                String status,
                String account,
                Long version) {
            this(
                    id,
                    clinicNumber,
                    givenName,
                    familyName,
                    dateOfBirth,
                    email,
                    phone,
                    condition,
                    carePhysio,
                    status,
                    account,
                    version,
                    null);
        }

        /** The physios besides the care physio who share the patient's care; never null. */
        public List<String> careTeamOrEmpty() {
            return careTeam == null ? List.of() : careTeam;
        }

        public String fullName() {
            return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        }

        /** Keycloak has e-mailed the patient the link to set a password (they have not used it yet). */
        public boolean isInvited() {
            return "INVITED".equals(account);
        }

        /** The invitation waits for the login service; patient-service sends it by itself when it can. */
        public boolean isInvitationPending() {
            return "PENDING".equals(account);
        }
    }

    /** patient-service's answer to an invitation: where it went. Never a password. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invitation(Long patientId, String account, String username, String invitationSentTo) {}

    /** What the registration form sends. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NewPatient(
            String givenName,
            String familyName,
            String dateOfBirth,
            String sex,
            String email,
            String phone,
            String condition,
            String referralSource,
            String consentDate,
            String carePhysio) {}

    /** One page of patients. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PatientPage(
            @JsonAlias({"content", "data", "patients"}) List<Patient> items,
            Integer page,
            Integer size,
            @JsonAlias({"totalItems", "totalElements", "count"}) Long total,
            Integer totalPages) {

        public List<Patient> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }

    /** What the screening form sends. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewScreening(
            List<String> redFlags,
            List<String> sciaticaSigns,
            List<String> otherSigns,
            String notes,
            ScreeningOverride override) {}

    /** A physio's explicit decision to allow a program despite a referral outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScreeningOverride(String reason) {}

    /** A screening with the outcome the service computed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Screening(
            Long id,
            String outcome,
            List<String> redFlags,
            List<String> sciaticaSigns,
            List<String> otherSigns,
            String notes,
            Boolean overridden,
            String overrideReason,
            String overriddenBy,
            String screenedAt,
            String screenedBy,
            String validUntil,
            String programHold) {

        /** A screening as listed, without the delivery state of a program hold. */
        public Screening(
                Long id,
                String outcome,
                List<String> redFlags,
                List<String> sciaticaSigns,
                List<String> otherSigns,
                String notes,
                Boolean overridden,
                String overrideReason,
                String overriddenBy,
                String screenedAt,
                String screenedBy,
                String validUntil) {
            this(
                    id,
                    outcome,
                    redFlags,
                    sciaticaSigns,
                    otherSigns,
                    notes,
                    overridden,
                    overrideReason,
                    overriddenBy,
                    screenedAt,
                    screenedBy,
                    validUntil,
                    null);
        }

        /**
         * The red flags recorded, as current codes: the red flags plus a legacy "other sign" of constant severe pain
         * ({@code POSITION_INDEPENDENT_PAIN}, a red flag now), each once, in the vocabulary's order.
         */
        public List<String> flagCodes() {
            java.util.Set<clinic.rules.RedFlag> flags = java.util.EnumSet.noneOf(clinic.rules.RedFlag.class);
            for (List<String> codes : java.util.Arrays.asList(redFlags, otherSigns)) {
                if (codes != null) {
                    codes.forEach(c -> clinic.rules.RedFlag.fromCode(c).ifPresent(flags::add));
                }
            }
            return flags.stream().map(Enum::name).toList();
        }

        /** A red flag was found: no program, urgent medical review. */
        public boolean isUrgentReferral() {
            return clinic.rules.ScreeningOutcome.URGENT_REFERRAL.name().equals(outcome);
        }

        /** The other signs that are still other signs (the legacy constant-pain code is a red flag now). */
        public List<String> otherSignCodes() {
            return otherSigns == null
                    ? List.of()
                    : otherSigns.stream()
                            .filter(c -> clinic.rules.OtherSign.fromCode(c).isPresent())
                            .toList();
        }
    }

    /** May a program start or go on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clearance(
            Long patientId,
            Boolean cleared,
            String reason,
            Long screeningId,
            String validUntil,
            String patientAccount,
            String carePhysio,
            String screenedAt) {

        public Clearance(
                Long patientId,
                Boolean cleared,
                String reason,
                Long screeningId,
                String validUntil,
                String patientAccount,
                String carePhysio) {
            this(patientId, cleared, reason, screeningId, validUntil, patientAccount, carePhysio, null);
        }

        public boolean isCleared() {
            return Boolean.TRUE.equals(cleared);
        }
    }

    /**
     * The caller's access to one patient ({@code GET /api/patients/{id}/access}, not audited as a read): as care physio,
     * care team member, through break-the-glass (until {@code expiresAt}) or as admin.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(Long patientId, String carePhysio, List<String> careTeam, String access, String expiresAt) {

        public boolean isBreakGlass() {
            return "BREAK_GLASS".equals(access);
        }

        /** May change the care team: the care physio or an admin. */
        public boolean mayChangeCareTeam() {
            return "CARE_PHYSIO".equals(access) || "ADMIN".equals(access);
        }

        /** May see who opened the record: the care team (care physio, members) or an admin. */
        public boolean maySeeGrants() {
            return "CARE_PHYSIO".equals(access) || "CARE_TEAM".equals(access) || "ADMIN".equals(access);
        }
    }

    /** Why a physio outside the care team opens a record (break the glass); 10-500 characters. */
    public record BreakGlass(String reason) {}

    /** A break-the-glass grant: who opened which patient, when, why and until when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grant(Long id, Long patientId, String grantedTo, String reason, String grantedAt, String expiresAt) {}

    /** A transfer (new care physio) and/or share (team members) of a patient's care, with the version last read. */
    public record CareTeamChange(String carePhysio, List<String> careTeam, Long version) {}
}
