package clinic.program.fhir;

import clinic.program.outbound.PatientRecord;
import clinic.program.outbound.PatientRecords;
import clinic.program.outcome.InstrumentCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The episode of one program as a FHIR R4 Bundle: read the program's rows (one transaction), then the patient's record
 * from patient-service with the caller's token (503 when it cannot answer: never a bundle without its patient), then
 * the audit row, then the bundle. No transaction is open while patient-service is asked.
 */
@ApplicationScoped
public class FhirExport {

    private final EpisodeReader episodes;
    private final PatientRecords patients;
    private final InstrumentCatalog instruments;
    private final ObjectMapper json;
    private final FhirContextHolder fhir;
    private final String base;

    public FhirExport(
            EpisodeReader episodes,
            PatientRecords patients,
            InstrumentCatalog instruments,
            ObjectMapper json,
            FhirContextHolder fhir,
            @ConfigProperty(name = "clinic.fhir.system-base", defaultValue = "https://clinic.example/fhir")
                    String base) {
        this.episodes = episodes;
        this.patients = patients;
        this.instruments = instruments;
        this.json = json;
        this.fhir = fhir;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The bundle of the program (the caller's care team was checked before). */
    public Bundle bundle(long programId) {
        Episode episode = episodes.read(programId);
        PatientRecord patient = patients.patient(episode.patientId());
        episodes.audited(episode);
        return new BundleBuilder(base, instruments::find, json).build(episode, patient, Instant.now());
    }

    /** The bundle as FHIR JSON. */
    public String json(long programId) {
        Bundle bundle = bundle(programId);
        return fhir.get().newJsonParser().encodeResourceToString(bundle);
    }
}
