package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.common.Care;
import clinic.portal.common.CarePlan;
import clinic.portal.outbound.PatientApi.Access;
import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.Adherence;
import clinic.portal.outbound.ProgramApi.Alert;
import clinic.portal.outbound.ProgramApi.PainTrend;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import clinic.portal.outbound.ProgramApi.Revision;
import clinic.portal.outbound.ProgramApi.Suggestion;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.i18n.Message;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The physio's clinical pages read in Spanish when the clinician chose Spanish: headings, labels, buttons, table
 * headers, and the form errors worded in Java. Each page is also checked for English left behind: no English text of
 * the {@code care} and {@code careplan} bundles may appear in its main content.
 */
@QuarkusTest
class CarePagesInSpanishTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The English sentences and labels of the care bundles (those without parameters, of two words or more). */
    static List<String> englishTexts() {
        List<String> texts = new ArrayList<>();
        List<Method> methods = new ArrayList<>(List.of(Care.class.getDeclaredMethods()));
        methods.addAll(List.of(CarePlan.class.getDeclaredMethods()));
        for (Method m : methods) {
            Message message = m.getAnnotation(Message.class);
            if (message != null
                    && m.getParameterCount() == 0
                    && message.value().trim().contains(" ")) {
                texts.add(message.value());
            }
        }
        return texts;
    }

    /** The page's main content, asserted to be Spanish and to hold no English text of the bundle. */
    private static Document spanish(Response response) {
        Document page = Pages.html(response);
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        String main = page.select("main").text();
        for (String english : englishTexts()) {
            assertThat(main).as("English left on a Spanish page").doesNotContain(english);
        }
        return page;
    }

    private static Response get(String path, int status) {
        return given().cookie("lang", "es")
                .get(path)
                .then()
                .statusCode(status)
                .extract()
                .response();
    }

    @Test
    void theBundleHasEnglishTextsToLookFor() {
        // Guards the leftover check below: it would pass vacuously on an empty list.
        assertThat(englishTexts()).hasSizeGreaterThan(100).contains("Some fields need attention.");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void thePatientListAndTheRecordInSpanish() {
        long id = Fixtures.nextId();
        when(patients.list(any(), any(), any(), any())).thenReturn(Fixtures.page(Fixtures.patient(id, "Ana", "Ruiz")));
        Document list = spanish(get("/patients", 200));
        assertThat(list.select("h1").text()).isEqualTo("Mis pacientes");
        assertThat(list.select("#patient-list th").eachText())
                .containsExactly(
                        "Nombre", "N.º de historia", "Fecha de nacimiento", "Estado", "Fisioterapeuta responsable");
        assertThat(list.select("#patient-search button").text()).isEqualTo("Buscar");

        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Ana", "Ruiz"));
        when(patients.clearance(id))
                .thenReturn(new Clearance(id, false, "Red flag", 5L, "2027-02-24", "patient", "physio"));
        when(patients.screenings(id)).thenReturn(List.of());
        when(programs.programsOf(id)).thenReturn(List.of());
        Document record = spanish(get("/patients/" + id, 200));
        assertThat(record.select("#clearance").text()).startsWith("No apto");
        assertThat(record.select("#clearance-title").text()).isEqualTo("Aptitud para el ejercicio");
        assertThat(record.select("#screenings-title").text()).isEqualTo("Historial de cribados");
        assertThat(record.select("main").text()).contains("Nuevo cribado").contains("Asignar un programa");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aRegistrationWithoutNamesSaysWhatToEnterInSpanish() {
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = spanish(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("dateOfBirth", "1980-01-02")
                .post("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("h1").text()).isEqualTo("Registrar un paciente");
        assertThat(page.select("label[for=familyName]").text()).startsWith("Apellidos");
        assertThat(page.select("#givenName-error").text()).isEqualTo("Escriba el nombre del paciente.");
        assertThat(page.select("#givenName").attr("aria-describedby")).isEqualTo("givenName-error");
        assertThat(page.select("#givenName").attr("aria-invalid")).isEqualTo("true");
        verify(patients, never()).register(any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theScreeningFormInSpanish() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Ana", "Ruiz"));
        when(patients.access(id)).thenReturn(null);

        Document page = spanish(get("/patients/" + id + "/screening", 200));

        assertThat(page.select("h1").text()).isEqualTo("Cribado: Ana Ruiz");
        assertThat(page.select("legend").eachText())
                .contains("Signos de ciática", "Signos que apuntan a otra causa")
                .anyMatch(l -> l.startsWith("Signos de alarma"));
        assertThat(page.select("#screening-form button").text()).isEqualTo("Registrar el cribado");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theProgramPageAndItsPhaseChangeErrorsInSpanish() {
        long patientId = Fixtures.nextId();
        long programId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Ana", "Ruiz"));
        when(programs.program(programId)).thenReturn(program(programId, patientId));
        when(programs.progress(programId))
                .thenReturn(new Progress(
                        programId,
                        1,
                        new Adherence(5, 7, 71.0, List.of()),
                        new PainTrend(6.0, 3.5, -2.5, -41.0, true, 0),
                        new Suggestion("ADVANCE", "Mean pain of the last 7 days is 4 or less")));
        when(programs.sessions(programId)).thenReturn(List.of());

        Document page = spanish(get("/programs/" + programId, 200));
        assertThat(page.select("h1").text()).isEqualTo("Programa: Ana Ruiz");
        assertThat(page.select("#progress-facts").text())
                .contains("71.0 % de los días prescritos registrados")
                .contains("mejoría clínicamente relevante");
        assertThat(page.select("#revisions th").eachText()).containsExactly("Fecha", "Quién", "Fase", "Motivo");
        assertThat(page.select("#phase-change button").text()).isEqualTo("Cambiar de fase");

        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);
        Document refused = spanish(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("phase", "2")
                .formParam("reason", " ")
                .formParam("version", "3")
                .post("/programs/" + programId + "/phase")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(refused.select("#reason-error").text()).isEqualTo("Indique un motivo.");
        assertThat(refused.select("#reason").attr("aria-invalid")).isEqualTo("true");
        verify(programs, never()).changePhase(any(Long.class), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theAssignmentReviewInSpanish() {
        long patientId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Ana", "Ruiz"));
        when(patients.clearance(patientId))
                .thenReturn(new Clearance(patientId, true, "Clear", 5L, "2027-02-24", "patient", "physio"));
        when(programs.exercises(any(), any())).thenReturn(List.of());
        when(programs.protocol("sciatica-phased"))
                .thenReturn(new Protocol(
                        "sciatica-phased",
                        "Sciatica, phased",
                        null,
                        List.of(new ProtocolPhase(
                                1,
                                "Gentle movement",
                                null,
                                null,
                                List.of(new Prescription(
                                        "pelvic-tilt", null, 2, 10, null, null, 3, false, null, null, null, null))))));

        Document page = spanish(get("/patients/" + patientId + "/assign?protocol=sciatica-phased&phase=1", 200));

        assertThat(page.select("h1").text()).isEqualTo("Revisar el programa: Ana Ruiz");
        assertThat(page.select("main").text()).contains("Fase 1: Gentle movement");
        assertThat(page.select(".exercise-row label").eachText())
                .contains("Incluir", "Series", "Repeticiones", "Veces al día", "Cada lado");
        assertThat(page.select("#assign-program button").text()).isEqualTo("Confirmar el programa");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theAlertInboxInSpanish() {
        long patientId = Fixtures.nextId();
        when(programs.alerts("OPEN"))
                .thenReturn(List.of(new Alert(
                        Fixtures.nextId(),
                        patientId,
                        7L,
                        "RED_FLAG",
                        "URGENT",
                        "Reported in a session log",
                        "2026-11-26T09:00:00",
                        "OPEN",
                        null,
                        null)));
        when(patients.byIds(any())).thenReturn(Fixtures.page());

        Document page = spanish(get("/alerts", 200));

        assertThat(page.select("h1").text()).isEqualTo("Alertas de seguridad");
        assertThat(page.select(".badge.danger").text()).isEqualTo("Urgente");
        // The patient's name could not be fetched: the alert names the patient by number, in Spanish too.
        assertThat(page.select("article h2 a").text()).isEqualTo("paciente " + patientId);
        assertThat(page.select("article button").text()).isEqualTo("Marcar como revisada");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theDischargeFormAndItsErrorsInSpanish() {
        long patientId = Fixtures.nextId();
        long programId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Ana", "Ruiz"));
        when(programs.program(programId)).thenReturn(program(programId, patientId));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.measuresDue(programId)).thenThrow(Fixtures.problem(503, "busy"));

        Document form = spanish(get("/programs/" + programId + "/discharge", 200));
        assertThat(form.select("h1").text()).isEqualTo("Alta: Ana Ruiz");
        assertThat(form.select("#preview-title").text()).isEqualTo("Qué contendrá el informe");

        Pages.Csrf csrf = Pages.csrf("/programs/" + programId + "/discharge");
        Document refused = spanish(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "OTHER")
                .post("/programs/" + programId + "/discharge")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(refused.select("#discharge-notice").text())
                .contains("No se ha enviado el alta: revise los campos señalados.");
        assertThat(refused.select("#summary-error").text())
                .isEqualTo("Explique el motivo en el resumen cuando el motivo es «Otro».");
        assertThat(refused.select("#summary").attr("aria-invalid")).isEqualTo("true");
        verify(programs, never()).discharge(any(Long.class), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void breakingTheGlassWithAShortReasonIsRefusedInSpanish() {
        long id = Fixtures.nextId();
        when(patients.access(id)).thenReturn(new Access(id, "maria", List.of(), "NONE", null));
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = spanish(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "urgent")
                .post("/patients/" + id + "/access")
                .then()
                .statusCode(400)
                .extract()
                .response());

        assertThat(page.select("#not-in-care-team").text())
                .isEqualTo("No forma parte del equipo asistencial del paciente " + id);
        assertThat(page.select("#reason-error").text())
                .isEqualTo("Indique un motivo de al menos 10 caracteres: queda registrado en la auditoría.");
        assertThat(page.select("#break-glass button").text()).isEqualTo("Abrir la historia (romper el cristal)");
        verify(patients, never()).breakGlass(any(Long.class), any());
    }

    private static Program program(long id, long patientId) {
        return new Program(
                id,
                patientId,
                "sciatica-phased",
                1,
                "ACTIVE",
                "2026-11-01",
                List.of(new Prescription("pelvic-tilt", null, 2, 10, null, null, 3, false, null, null, null, null)),
                List.of(new Revision("2026-11-01T09:00:00", "physio", null, 1, "Acute flare")),
                "patient",
                "physio",
                null,
                3L);
    }
}
