package clinic.program.testing;

/** Access to this package's fixtures for the benchmark reference tests in {@code clinic.program.bench}. */
public final class BenchFixtures {

    private BenchFixtures() {}

    /** A new cleared patient with a phase-1 program; answers the patient's account name. */
    public static String patientWithProgram() {
        return Fixtures.assignPhase(1).account();
    }

    public static String patientToken(String account) {
        return Fixtures.TOKENS.patient(account);
    }

    public static String physioToken() {
        return Fixtures.TOKENS.physio("physio");
    }
}
