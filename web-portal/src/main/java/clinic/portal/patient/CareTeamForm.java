package clinic.portal.patient;

import clinic.portal.common.FormValues;
import clinic.portal.outbound.PatientApi.CareTeamChange;
import clinic.portal.outbound.PatientApi.Patient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The care-team form as typed: the care physio (a transfer when it changes), the current members to keep (ticked
 * boxes; untick to remove) and user names to add, plus the version read, so a concurrent change is refused (409).
 */
public class CareTeamForm {

    @RestForm
    public String carePhysio;

    @RestForm
    public List<String> keep;

    @RestForm
    public String add;

    @RestForm
    public String version;

    /** The form as the patient's current care team fills it. */
    public static CareTeamForm of(Patient patient) {
        CareTeamForm form = new CareTeamForm();
        form.carePhysio = patient.carePhysio();
        form.keep = new ArrayList<>(patient.careTeamOrEmpty());
        form.add = "";
        form.version = patient.version() == null ? null : String.valueOf(patient.version());
        return form;
    }

    /** Whether a current member's box stays ticked. */
    public boolean keeps(String member) {
        return keep != null && keep.contains(member);
    }

    /**
     * The team to send: kept members then the added user names (separated by commas or spaces), each once and
     * without the care physio, who leads the team anyway.
     */
    public List<String> team() {
        Set<String> team = new LinkedHashSet<>();
        for (String member : FormValues.orEmpty(keep)) {
            if (member != null && !member.isBlank()) {
                team.add(member.strip());
            }
        }
        if (add != null) {
            for (String name : add.split("[,\\s]+")) {
                if (!name.isBlank()) {
                    team.add(name.strip());
                }
            }
        }
        String lead = FormValues.blankToNull(carePhysio);
        if (lead != null) {
            team.remove(lead.strip());
        }
        return List.copyOf(team);
    }

    public Long versionOrNull() {
        try {
            return version == null ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public CareTeamChange toPayload() {
        String lead = FormValues.blankToNull(carePhysio);
        return new CareTeamChange(lead == null ? null : lead.strip(), team(), versionOrNull());
    }
}
