package clinic.portal;

import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientApi.PatientPage;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ServiceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test data: each call makes fresh ids so no test depends on another's data. */
public final class Fixtures {

    private static final AtomicLong IDS = new AtomicLong(1000);

    private Fixtures() {}

    public static long nextId() {
        return IDS.incrementAndGet();
    }

    public static Patient patient(long id, String given, String family) {
        return new Patient(
                id,
                "C-" + id,
                given,
                family,
                "1980-04-02",
                given.toLowerCase() + id + "@example.test",
                "+44 20 0000 " + id,
                "Sciatica, left leg",
                "physio",
                "ACTIVE",
                "ACTIVE",
                3L);
    }

    /** A patient just registered, in the given account state (INVITED when the invitation went out). */
    public static Patient registered(long id, String given, String family, String account) {
        Patient p = patient(id, given, family);
        return new Patient(
                p.id(),
                p.clinicNumber(),
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.email(),
                p.phone(),
                p.condition(),
                p.carePhysio(),
                "ACTIVE",
                account,
                0L);
    }

    public static PatientPage page(Patient... patients) {
        return new PatientPage(List.of(patients), 0, 20, (long) patients.length, null);
    }

    public static ServiceException problem(int status, String detail) {
        return new ServiceException(status, new ProblemBody("about:blank", "Problem", status, detail, null, null));
    }

    public static ServiceException invalid(String field, String message) {
        return new ServiceException(
                400,
                new ProblemBody(
                        "about:blank",
                        "Invalid request",
                        400,
                        "Some fields are not valid.",
                        List.of(new ProblemBody.Violation(field, message)),
                        null));
    }
}
