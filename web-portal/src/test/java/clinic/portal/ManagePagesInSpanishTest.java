package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import clinic.portal.common.Manage;
import clinic.portal.outbound.MediaClient;
import clinic.portal.outbound.NotificationApi.StaffPreferences;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.ExerciseRevision;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.i18n.Message;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library, protocol, template, admin and e-mail pages in Spanish (the {@code lang=es} cookie): their own words
 * are Spanish, and none of the bundle's English sentences is left on them. Data (exercise names, slugs, codes) stays
 * as the clinic wrote it.
 */
@QuarkusTest
class ManagePagesInSpanishTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @InjectMock
    @RestClient
    MediaClient media;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A page as a visitor who chose Spanish sees it, checked for English leftovers. */
    static Document spanish(String path) {
        Document page = Pages.html(given().cookie("lang", "es")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        assertThat(englishLeftovers(page))
                .as("English sentences of bundle manage on %s", path)
                .isEmpty();
        return page;
    }

    /**
     * The bundle's English texts of two words or more (one word such as "Video" may be data or a cognate) that
     * appear in the page's main part.
     */
    static List<String> englishLeftovers(Document page) {
        org.jsoup.select.Elements main = page.select("main").clone();
        // A prescription's dosage line ("3 sets × 10 reps, each side") is worded by the shared dosage extension,
        // not by this bundle; its language is checked where that extension is.
        main.select(".dosage").remove();
        // So are the e-mail kinds and statuses (the shared mail: namespace, used by the patient's pages too).
        main.select("#kind option").remove();
        String text = main.text();
        List<String> found = new ArrayList<>();
        for (Method m : java.util.stream.Stream.of(Manage.class, clinic.portal.admin.Reports.class)
                .flatMap(bundle -> java.util.Arrays.stream(bundle.getDeclaredMethods()))
                .toList()) {
            Message message = m.getAnnotation(Message.class);
            if (message == null || m.getParameterCount() > 0) {
                continue;
            }
            String english = message.value();
            if (english.trim().contains(" ") && text.contains(english)) {
                found.add(english);
            }
        }
        return found;
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theReportTablesHeadTheirColumnsInSpanish() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String caseload = "{\"items\":[{\"physio\":\"physio\",\"patients\":3,\"activePrograms\":3,"
                + "\"meanAdherence\":71.5,\"openAlerts\":1,\"improved\":2,\"improvementRate\":66.7}]}";
        String adherence = "{\"size\":25,\"items\":[{\"programId\":7,\"patientId\":8,\"physio\":\"physio\","
                + "\"phase\":1,\"startedOn\":\"2026-10-01\",\"loggedDays\":4,\"prescribedDays\":20,"
                + "\"adherence\":20}]}";
        when(programs.report(any(), any(), any(), any(), any(), any()))
                .thenAnswer(call -> switch ((String) call.getArgument(0)) {
                    case "caseload" -> json.readTree(caseload);
                    case "adherence" -> json.readTree(adherence);
                    case "overview" -> json.readTree(AdminPagesTest.OVERVIEW);
                    default -> throw Fixtures.problem(404, "Not found");
                });
        when(patients.byIds(any())).thenThrow(Fixtures.problem(503, "Down"));

        Document page = spanish("/admin/reports");
        assertThat(page.select("#report-caseload th").eachText())
                .containsExactly(
                        "Fisioterapeuta",
                        "Pacientes",
                        "Programas activos",
                        "Adherencia media",
                        "Alertas abiertas",
                        "Con mejoría",
                        "Tasa de mejoría");
        // The overview's cut weeks and alert severities are worded too.
        assertThat(page.select("#sessions-chart").attr("data-points"))
                .contains("2026-W46 (2026-11-09, solo desde el 2026-11-11)")
                .contains("2026-W47 (2026-11-16, solo hasta el 2026-11-21)");
        assertThat(page.select("#report-overview dt").eachText()).contains("Alertas abiertas: urgente");
        assertThat(page.select("#report-adherence th").eachText())
                .contains(
                        "ID del programa", "ID del paciente", "Fecha de inicio", "Días registrados", "Días prescritos");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theLibraryInSpanish() {
        when(programs.library(anyBoolean()))
                .thenReturn(List.of(LibraryPagesTest.builtIn(), LibraryPagesTest.clinic(2, true)));
        when(programs.exercise("glute-bridge")).thenReturn(LibraryPagesTest.builtIn());
        when(programs.exercise("knee-slide")).thenReturn(LibraryPagesTest.clinic(2, false));
        when(programs.exerciseRevisions(anyString()))
                .thenReturn(List.of(
                        new ExerciseRevision(
                                2, "physio", "2026-12-01T10:00:00", true, LibraryPagesTest.clinic(2, false)),
                        new ExerciseRevision(
                                1, "physio2", "2026-11-30T09:00:00", false, LibraryPagesTest.clinic(1, false))));

        Document list = spanish("/library");
        assertThat(list.select("h1").text()).isEqualTo("Biblioteca de ejercicios");
        assertThat(list.select("tr[data-slug=glute-bridge] .badge").text()).isEqualTo("predefinido");
        assertThat(list.select("tr[data-slug=knee-slide] .badge.warn").text()).isEqualTo("retirado");
        assertThat(list.select("#library th").eachText())
                .containsExactly("Ejercicio", "Categoría", "Fases", "Tipo", "Versión");

        Document builtIn = spanish("/library/glute-bridge");
        assertThat(builtIn.select("#copy-title").text()).isEqualTo("Copiar como ejercicio de la clínica");
        assertThat(builtIn.select("#dosage").text()).isEqualTo("2 series 10 repeticiones mantener 2 s 1 vez al día");
        assertThat(builtIn.select(".exercise-picture img").attr("alt"))
                .isEqualTo("Glute bridge (posición inicial y final)");

        Document clinic = spanish("/library/knee-slide");
        assertThat(clinic.select("#revision").text()).isEqualTo("Versión 2");
        assertThat(clinic.select("#caution").text()).startsWith("Evitar en la fase 1: Not in a flare");
        assertThat(clinic.select("#exercise-revisions td").eachText()).contains("2 (actual)");
        assertThat(spanish("/library/knee-slide?saved=edited")
                        .select("#saved-notice")
                        .text())
                .startsWith("Guardado como versión 2.");

        Document form = spanish("/library/knee-slide/edit");
        assertThat(form.select("label[for=shouldFeel]").text()).isEqualTo("Qué debe sentir el paciente");
        assertThat(form.select("#exercise-form button[type=submit]").text()).isEqualTo("Guardar como nueva versión");

        when(media.exercise("knee-slide")).thenReturn(LibraryPagesTest.clinic(2, false));
        Document picture = spanish("/library/knee-slide/picture?refused=too-large");
        assertThat(picture.select("#picture-refused").text()).startsWith("La imagen pesa más de 5 MB.");
        assertThat(picture.select("#picture-file").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void protocolsInSpanish() {
        when(programs.protocols()).thenReturn(List.of(ProtocolPagesTest.KNEE, ProtocolPagesTest.OLD));
        when(programs.protocol("knee-oa")).thenReturn(ProtocolPagesTest.KNEE);
        when(programs.exercises(any(), any()))
                .thenReturn(List.of(
                        ProtocolPagesTest.exercise("glute-bridge", "Glute bridge"),
                        ProtocolPagesTest.exercise("clamshell", "Clamshell")));

        Document list = spanish("/protocols");
        assertThat(list.select("#protocol-knee-oa").text())
                .contains("No obligatorio")
                .contains("En uso");
        assertThat(list.select("#protocol-old-back").text()).contains("Retirado");

        Document view = spanish("/protocols/knee-oa");
        assertThat(view.select(".meta").text())
                .startsWith("Código knee-oa · versión 2 · 2 fases · no requiere cribado");
        assertThat(view.select("#phase-1-title").text()).isEqualTo("Fase 1: Calm and move");
        assertThat(view.select("#phase-2 .entry-criteria").text())
                .isEqualTo("El sistema propone pasar a esta fase cuando: el dolor medio de los últimos 7 días es como"
                        + " máximo 3.0/10; la adherencia en la fase anterior es de al menos el 50 %.");

        Document form = spanish("/protocols/new");
        assertThat(form.select("#phase-1 legend").first().text()).isEqualTo("Fase 1");
        assertThat(form.select("#p0-e0-exercise").attr("aria-label")).isEqualTo("Ejercicio 1 de la fase 1");

        // A check of the portal's own puts the field's Spanish name at the row.
        Pages.Csrf csrf = Pages.csrf("/protocols/new");
        Document typo = Pages.html(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("phaseCount", "3")
                .formParam("code", "knee-oa")
                .formParam("name", "Knee osteoarthritis")
                .formParam("p0.e0.exercise", "glute-bridge")
                .formParam("p0.e0.sets", "two")
                .post("/protocols/new")
                .then()
                .statusCode(400)
                .extract()
                .response());
        assertThat(typo.select("#p0-e0-error").text()).startsWith("Series ");
        assertThat(typo.select(".notice").text()).contains("Revise los campos señalados.");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void templatesAndEmailSettingsInSpanish() {
        when(programs.templates()).thenReturn(List.of());
        Document list = spanish("/templates");
        assertThat(list.select("#no-templates").text()).isEqualTo("Todavía no hay plantillas.");
        assertThat(spanish("/templates?deleted=1").select("#template-done").text())
                .isEqualTo("La plantilla se ha eliminado.");

        // A name too long is refused in Spanish, at the name field, before anything is sent.
        Pages.Csrf csrf = Pages.csrf("/templates");
        Document refused = Pages.html(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("name", "x".repeat(121))
                .formParam("visibility", "PRIVATE")
                .post("/templates/from-program/5")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(refused.select("#template-name-error").text()).isEqualTo("debe tener como máximo 120 caracteres");
        assertThat(refused.select("#template-name").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#template-name").attr("aria-describedby")).isEqualTo("template-name-error");
        assertThat(refused.select("label[for=template-clinic]").text()).isEqualTo("Todos en la clínica");

        when(patients.myStaffPreferences())
                .thenReturn(new StaffPreferences(
                        "physio@clinic.test", true, null, true, true, false, "Europe/London", null));
        Document settings = spanish("/settings/notifications?saved=1");
        assertThat(settings.select("h1").text()).isEqualTo("Ajustes de correo electrónico");
        assertThat(settings.select("#urgent-always").text()).startsWith("Las alertas urgentes se envían siempre.");
        assertThat(settings.select("#email-state").text()).isEqualTo("Verificada");
        assertThat(settings.select("label[for=dailyDigest]").text()).isEqualTo("Resumen diario de alertas abiertas");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void auditAndEmailLogInSpanish() throws Exception {
        when(programs.report(any(), any(), any(), any(), any(), any())).thenThrow(Fixtures.problem(404, "Not found"));
        Document reports = spanish("/admin/reports");
        assertThat(reports.select("#report-overview-title").text()).isEqualTo("Resumen general");
        assertThat(reports.select("#report-referrals-title").text()).isEqualTo("Valorar derivación");
        assertThat(reports.select("#report-caseload .not-yet").text()).startsWith("Todavía no disponible");
        assertThat(reports.select("#report-caseload .csv-link").text())
                .isEqualTo("Descargar «Carga asistencial» en CSV");

        Document audit = spanish("/admin/audit");
        assertThat(audit.select("h1").text()).isEqualTo("Registro de auditoría");
        assertThat(audit.select(".pager span").text()).isEqualTo("Página 1 (hasta 50 entradas de cada servicio)");

        Document grants = spanish("/admin/access-grants");
        assertThat(grants.select("#active option").eachText()).containsExactly("Todos", "Activos ahora", "Caducados");

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        when(patients.notificationSummary())
                .thenReturn(json.readTree("{\"from\":\"2026-11-25\",\"to\":\"2026-12-02\",\"counts\":{\"SENT\":12}}"));
        when(patients.notifications(any(), any(), any()))
                .thenReturn(json.readTree("{\"items\":[],\"page\":0,\"size\":50,\"total\":0,\"totalPages\":0}"));
        Document log = spanish("/admin/notifications");
        assertThat(log.select("h1").text()).isEqualTo("Registro de correos electrónicos");
        assertThat(log.select("#status option").eachText())
                .containsExactly("Fallidos, inciertos y omitidos", "Fallidos", "Inciertos", "Omitidos");
        assertThat(log.select("#no-rows").text()).isEqualTo("No hay nada que mostrar.");
    }
}
