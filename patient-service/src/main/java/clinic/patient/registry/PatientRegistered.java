package clinic.patient.registry;

/**
 * A patient with an e-mail was registered and committed (account PENDING): announced by {@link PatientService}
 * outside any transaction, so an observer may call other services. The account feature observes it to make the
 * login and send the invitation; the registry does not know who listens.
 */
public record PatientRegistered(long patientId) {}
