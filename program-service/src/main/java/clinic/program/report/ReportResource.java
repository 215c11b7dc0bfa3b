package clinic.program.report;

import clinic.kit.problem.DomainException;
import clinic.program.csv.Csv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Clinic reports for admins, as JSON or, with {@code Accept: text/csv}, as a CSV download. Every report takes
 * {@code from}/{@code to} (ISO dates; default the 12 weeks up to today) and an optional care {@code physio}.
 */
@Path("/api/reports")
@Produces({MediaType.APPLICATION_JSON, ReportResource.TEXT_CSV})
@RolesAllowed("admin")
@Tag(name = "Reports", description = "Clinic reports for admins (JSON or CSV)")
@APIResponse(responseCode = "400", description = "Malformed date, from after to, bad cursor or size")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not an admin")
public class ReportResource {

    static final String TEXT_CSV = Csv.MEDIA_TYPE;
    private static final String FROM = "first day (ISO date); default 12 weeks before to";
    private static final String TO = "last day (ISO date); default today; figures are as of this day";
    private static final String PHYSIO = "only programs in this care physio's care (user name)";
    private static final String PROTOCOL = "only programs of this protocol (its code; every version)";

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/overview")
    @Operation(
            summary = "Active programs and patients, phases, weekly logs, adherence buckets, pain change,"
                    + " week-4/8 improvement, open alerts")
    @APIResponse(
            responseCode = "200",
            description = "The overview",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReportViews.Overview.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response overview(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = PHYSIO) @QueryParam("physio") String physio,
            @Parameter(description = PROTOCOL) @QueryParam("protocol") String protocol,
            @Context HttpHeaders headers) {
        ReportPeriod period = period(from, to, physio, protocol);
        return answer("overview", period, headers, reports.overview(period), ReportResource::overviewCsv);
    }

    @GET
    @Path("/caseload")
    @Operation(summary = "Per care physio: patients, active programs, mean adherence, open alerts, improvement rate")
    @APIResponse(
            responseCode = "200",
            description = "One row per physio",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReportViews.Caseload.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response caseload(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = PHYSIO) @QueryParam("physio") String physio,
            @Parameter(description = PROTOCOL) @QueryParam("protocol") String protocol,
            @Context HttpHeaders headers) {
        ReportPeriod period = period(from, to, physio, protocol);
        return answer("caseload", period, headers, reports.caseload(period), report -> {
            Csv csv = new Csv()
                    .row(
                            "physio",
                            "patients",
                            "activePrograms",
                            "meanAdherence",
                            "openAlerts",
                            "improved",
                            "improvementRate");
            report.items()
                    .forEach(r -> csv.row(
                            r.physio(),
                            r.patients(),
                            r.activePrograms(),
                            r.meanAdherence(),
                            r.openAlerts(),
                            r.improved(),
                            r.improvementRate()));
            return csv;
        });
    }

    @GET
    @Path("/referrals")
    @Operation(
            summary = "Programs on for the referral setting's weeks (default 6) or more without a clinically"
                    + " important improvement, oldest first: all of them, or with size a keyset page (pass the"
                    + " previous page's nextCursor as after); total counts them all")
    @APIResponse(
            responseCode = "200",
            description = "Programs to consider for referral",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReportViews.Referrals.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response referrals(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = PHYSIO) @QueryParam("physio") String physio,
            @Parameter(description = PROTOCOL) @QueryParam("protocol") String protocol,
            @Parameter(description = "nextCursor of the previous page (startedOn:programId)") @QueryParam("after")
                    String after,
            @Parameter(description = "rows per page, at most 100; without it, every row") @QueryParam("size")
                    String size,
            @Context HttpHeaders headers) {
        ReportPeriod period = period(from, to, physio, protocol);
        ReportViews.Referrals referrals =
                reports.referrals(period, after, size == null || size.isBlank() ? null : pageSize(size));
        Response response = answer("referrals", period, headers, referrals, report -> {
            Csv csv = new Csv()
                    .row(
                            "programId",
                            "patientId",
                            "physio",
                            "phase",
                            "startedOn",
                            "weeksOnProgram",
                            "baseline",
                            "last7DaysMean",
                            "painChange",
                            "adherence",
                            "rule");
            report.items()
                    .forEach(r -> csv.row(
                            r.programId(),
                            r.patientId(),
                            r.physio(),
                            r.phase(),
                            r.startedOn(),
                            r.weeksOnProgram(),
                            r.baseline(),
                            r.last7DaysMean(),
                            r.painChange(),
                            r.adherence(),
                            r.rule()));
            return csv;
        });
        return withNextCursor(response, referrals.nextCursor());
    }

    @GET
    @Path("/adherence")
    @Operation(
            summary = "Programs with the lowest adherence in the period, keyset-paginated: pass the previous page's"
                    + " nextCursor as after")
    @APIResponse(
            responseCode = "200",
            description = "A page; in CSV the next cursor is in the X-Next-Cursor header",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReportViews.AdherencePage.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response adherence(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = PHYSIO) @QueryParam("physio") String physio,
            @Parameter(description = PROTOCOL) @QueryParam("protocol") String protocol,
            @Parameter(description = "nextCursor of the previous page (adherence:programId)") @QueryParam("after")
                    String after,
            @Parameter(description = "rows per page, at most 100") @QueryParam("size") @DefaultValue("20") String size,
            @Context HttpHeaders headers) {
        ReportPeriod period = period(from, to, physio, protocol);
        ReportViews.AdherencePage page = reports.adherence(period, after, pageSize(size));
        Response response = answer("adherence", period, headers, page, report -> {
            Csv csv = new Csv()
                    .row(
                            "programId",
                            "patientId",
                            "physio",
                            "phase",
                            "startedOn",
                            "loggedDays",
                            "prescribedDays",
                            "adherence");
            report.items()
                    .forEach(r -> csv.row(
                            r.programId(),
                            r.patientId(),
                            r.physio(),
                            r.phase(),
                            r.startedOn(),
                            r.loggedDays(),
                            r.prescribedDays(),
                            r.adherence()));
            return csv;
        });
        return withNextCursor(response, page.nextCursor());
    }

    @GET
    @Path("/outcomes")
    @Operation(
            summary = "Outcomes of the programs discharged in the period: the share reaching the minimal important"
                    + " change of their outcome questionnaires (overall, by protocol, by care physio), completion of the"
                    + " questionnaires due in the period by time point, and discharge reasons")
    @APIResponse(
            responseCode = "200",
            description = "The outcomes",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReportViews.Outcomes.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response outcomes(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = PHYSIO) @QueryParam("physio") String physio,
            @Parameter(description = PROTOCOL) @QueryParam("protocol") String protocol,
            @Context HttpHeaders headers) {
        ReportPeriod period = period(from, to, physio, protocol);
        return answer("outcomes", period, headers, reports.outcomes(period), ReportResource::outcomesCsv);
    }

    private static Response withNextCursor(Response response, String nextCursor) {
        return nextCursor == null
                ? response
                : Response.fromResponse(response)
                        .header("X-Next-Cursor", nextCursor)
                        .build();
    }

    /** Parsed here so that "abc" is a 400 with the field named, not JAX-RS's 404 for an unconvertible parameter. */
    private static int pageSize(String size) {
        try {
            return Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("size", "must be a whole number from 1 to " + ReportService.MAX_PAGE);
        }
    }

    private static ReportPeriod period(String from, String to, String physio, String protocol) {
        return ReportPeriod.parse(from, to, physio, protocol, LocalDate.now());
    }

    /** JSON unless the client prefers CSV; a CSV answer is a download named after the report and period. */
    private static <T> Response answer(
            String name, ReportPeriod period, HttpHeaders headers, T report, Function<T, Csv> toCsv) {
        if (!Csv.wanted(headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String file = "%s_%s_%s.csv".formatted(name, period.from(), period.to());
        return Response.ok(toCsv.apply(report).toString(), TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    private static Csv overviewCsv(ReportViews.Overview o) {
        Csv csv = new Csv().row("metric", "key", "value");
        csv.row("from", null, o.from());
        csv.row("to", null, o.to());
        csv.row("physio", null, o.physio());
        csv.row("activePrograms", null, o.activePrograms());
        csv.row("activePatients", null, o.activePatients());
        o.programsByPhase().forEach(p -> csv.row("programsByPhase", p.phase(), p.programs()));
        o.sessionsPerWeek().forEach(w -> csv.row("sessionsPerWeek", w.isoWeek(), w.sessions()));
        o.adherenceDistribution().forEach(b -> csv.row("adherenceDistribution", b.bucket(), b.programs()));
        csv.row("medianPainChange", null, o.medianPainChange());
        o.improvement().forEach(m -> {
            csv.row("improvementWeek" + m.week(), "programs", m.programs());
            csv.row("improvementWeek" + m.week(), "improved", m.improved());
            csv.row("improvementWeek" + m.week(), "percent", m.percent());
        });
        o.openAlerts().forEach(a -> csv.row("openAlerts", a.severity(), a.open()));
        return csv;
    }

    /**
     * One row per figure group: {@code total}, each {@code protocol} and {@code physio} (episodes, with measures,
     * reaching the MIC, percent), {@code completion} (ALL, then each time point: due, completed, percent) and each
     * discharge {@code reason} (count, percent of the discharged); columns a group has no figure for stay empty.
     */
    private static Csv outcomesCsv(ReportViews.Outcomes o) {
        Csv csv = new Csv()
                .row(
                        "section",
                        "key",
                        "discharged",
                        "withMeasures",
                        "reachedMic",
                        "due",
                        "completed",
                        "count",
                        "percent");
        csv.row("period", o.period().from() + "/" + o.period().to(), null, null, null, null, null, null, null);
        long withMeasures = o.byProtocol().stream()
                .mapToLong(ReportViews.ProtocolOutcome::withMeasures)
                .sum();
        csv.row(
                "total",
                null,
                o.discharged(),
                withMeasures,
                o.reachedMic().count(),
                null,
                null,
                null,
                o.reachedMic().percent());
        o.byProtocol()
                .forEach(r -> csv.row(
                        "protocol",
                        r.protocol(),
                        r.discharged(),
                        r.withMeasures(),
                        r.reachedMic(),
                        null,
                        null,
                        null,
                        r.percent()));
        o.byPhysio()
                .forEach(r -> csv.row(
                        "physio",
                        r.physio(),
                        r.discharged(),
                        r.withMeasures(),
                        r.reachedMic(),
                        null,
                        null,
                        null,
                        r.percent()));
        ReportViews.Completion c = o.completion();
        csv.row("completion", "ALL", null, null, null, c.due(), c.completed(), null, c.percent());
        c.byTimepoint()
                .forEach(t -> csv.row(
                        "completion", t.timepoint(), null, null, null, t.due(), t.completed(), null, t.percent()));
        o.reasons().forEach(r -> csv.row("reason", r.reason(), null, null, null, null, null, r.count(), r.percent()));
        return csv;
    }
}
