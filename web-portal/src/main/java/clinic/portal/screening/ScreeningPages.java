package clinic.portal.screening;

import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientNames;
import clinic.portal.outbound.PatientApi.Screening;
import clinic.portal.outbound.PatientServiceClient;
import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Red-flag and sciatica screening by a physio; the outcome is computed by patient-service, never here. */
@Path("/patients/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
@Tag(name = "Pages: screening")
public class ScreeningPages {

    /** The form's tick boxes: the codes of {@code clinic.rules}, the one vocabulary (constant pain is a red flag). */
    static final List<String> RED_FLAGS =
            RedFlag.all().stream().map(RedFlag::name).toList();

    static final List<String> SCIATICA_SIGNS =
            Arrays.stream(SciaticaSign.values()).map(SciaticaSign::name).toList();
    static final List<String> OTHER_SIGNS =
            Arrays.stream(OtherSign.values()).map(OtherSign::name).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                long patientId,
                String patientName,
                ScreeningForm form,
                Notice notice,
                List<String> redFlagCodes,
                List<String> sciaticaCodes,
                List<String> otherCodes);

        static native TemplateInstance result(
                long patientId, String patientName, Screening screening, String explanation);
    }

    private final PatientServiceClient patients;

    public ScreeningPages(@RestClient PatientServiceClient patients) {
        this.patients = patients;
    }

    @GET
    @Path("/screening")
    @Operation(summary = "Screening form")
    public TemplateInstance form(@PathParam("id") long id) {
        // Asked first so a physio outside the care team gets the care-team page before filling the form in (the
        // refusal is rethrown by Calls.attempt); any other failure leaves the form to the service's answer on send.
        Calls.attempt(Calls.PATIENTS, () -> patients.access(id));
        return render(id, new ScreeningForm(), null);
    }

    @POST
    @Path("/screenings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Record a screening and show its outcome")
    public TemplateInstance screen(@PathParam("id") long id, @BeanParam ScreeningForm form) {
        Outcome<Screening> saved = Calls.attempt(Calls.PATIENTS, () -> patients.screen(id, form.toPayload()));
        if (!saved.isOk()) {
            if (saved.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return render(id, form, saved.notice());
        }
        return Templates.result(id, name(id), saved.value(), explain(saved.value()));
    }

    /**
     * Why the screening came out as it did, in the rules' own words; the outcome itself is patient-service's. A legacy
     * constant-pain "other sign" counts as the red flag it is now.
     */
    static String explain(Screening s) {
        List<RedFlag> flags = s.flagCodes().stream().map(RedFlag::valueOf).toList();
        List<SciaticaSign> sciatica = s.sciaticaSigns() == null
                ? List.of()
                : s.sciaticaSigns().stream()
                        .flatMap(c -> Arrays.stream(SciaticaSign.values())
                                .filter(x -> x.name().equals(c)))
                        .toList();
        List<OtherSign> other = s.otherSignCodes().stream()
                .map(OtherSign::fromCode)
                .flatMap(Optional::stream)
                .toList();
        return ScreeningRules.explain(flags, sciatica, other);
    }

    private TemplateInstance render(long id, ScreeningForm form, Notice notice) {
        return Templates.form(id, name(id), form, notice, RED_FLAGS, SCIATICA_SIGNS, OTHER_SIGNS);
    }

    private String name(long id) {
        return PatientNames.of(patients, id);
    }
}
