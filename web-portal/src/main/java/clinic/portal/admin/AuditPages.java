package clinic.portal.admin;

import clinic.portal.common.AuditMerge;
import clinic.portal.common.Calls;
import clinic.portal.common.Manage;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.AuditApi;
import clinic.portal.outbound.AuditApi.Entry;
import clinic.portal.outbound.AuditEndpoints;
import clinic.portal.outbound.PatientApi.Grant;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The admin's view of who read or changed which record: both services' audit trails merged by time (with filters,
 * paging and a CSV export), and the break-the-glass grants.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
@Tag(name = "Pages: admin")
public class AuditPages {

    /** Entries asked of each service per page; a page shows both services' newest of that page, merged by time. */
    public static final int PAGE_SIZE = 50;

    /** The CSV export asks each service page by page with the API's largest page size ... */
    static final int EXPORT_PAGE_SIZE = 500;

    /** ... up to this many entries per service, so one export cannot hold the portal for long. */
    public static final int EXPORT_MAX = 10_000;

    /** One page of the merged trail; {@code notices} say which service is missing from it. */
    public record AuditView(List<Entry> entries, List<Notice> notices, boolean hasNext) {

        public boolean isDegraded() {
            return !notices.isEmpty();
        }
    }

    /** A grant as the admin list shows it: still active or not. */
    public record GrantRow(Grant grant, boolean active) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditFilter filter, AuditView view, Notice csvNotice);

        static native TemplateInstance grants(String active, Outcome<List<GrantRow>> grants);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;
    private final ManagedExecutor executor;
    private final Lang lang;

    public AuditPages(
            @RestClient PatientServiceClient patients,
            @RestClient ProgramServiceClient programs,
            ManagedExecutor executor,
            Lang lang) {
        this.patients = patients;
        this.programs = programs;
        this.executor = executor;
        this.lang = lang;
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit log of both services, merged by time, with filters and paging")
    @APIResponse(responseCode = "200", description = "The audit page; a failing service leaves its rows out, said")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public TemplateInstance audit(
            @QueryParam("patientId") String patientId,
            @QueryParam("user") String user,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") Integer page) {
        AuditFilter filter = AuditFilter.of(patientId, user, action, from, to, page);
        return Templates.audit(filter, view(filter), null);
    }

    /**
     * Both services' entries for the filter as one CSV, newest first. If either service cannot give its entries, the
     * audit page says so (503) rather than handing out an export that silently misses half the trail.
     */
    @GET
    @Path("/audit.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    @Operation(summary = "Download the merged audit log as CSV")
    @APIResponse(responseCode = "200", description = "The CSV file (attachment)")
    @APIResponse(responseCode = "503", description = "A service could not give its entries: the audit page says which")
    public Response csv(
            @QueryParam("patientId") String patientId,
            @QueryParam("user") String user,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        AuditFilter filter = AuditFilter.of(patientId, user, action, from, to, 0);
        CompletableFuture<Outcome<List<Entry>>> fromPatients = executor.supplyAsync(() -> Calls.attempt(
                Calls.PATIENTS, () -> all("patient-service", n -> page(patients, filter, n, EXPORT_PAGE_SIZE))));
        CompletableFuture<Outcome<List<Entry>>> fromPrograms = executor.supplyAsync(() -> Calls.attempt(
                Calls.PROGRAMS, () -> all("program-service", n -> page(programs, filter, n, EXPORT_PAGE_SIZE))));
        Outcome<List<Entry>> a = join(fromPatients, Calls.PATIENTS);
        Outcome<List<Entry>> b = join(fromPrograms, Calls.PROGRAMS);
        if (!a.isOk() || !b.isOk()) {
            Notice failed = !a.isOk() ? a.notice() : b.notice();
            Notice notice = new Notice(
                    503,
                    lang.bundle(Manage.class).audit_csv_needs_both() + " " + failed.message(),
                    List.of(),
                    List.of(),
                    true);
            return Response.status(503)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.audit(filter, view(filter), notice).render())
                    .build();
        }
        String body = AuditMerge.csv(AuditMerge.newestFirst(a.value(), b.value()));
        return Response.ok(body)
                .type("text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .build();
    }

    @GET
    @Path("/access-grants")
    @Operation(summary = "Break-the-glass grants: who opened which patient outside the care team, why, until when")
    public TemplateInstance grants(@QueryParam("active") String active) {
        Boolean filter = "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
        Instant now = Instant.now();
        Outcome<List<GrantRow>> rows = Calls.attempt(Calls.PATIENTS, () -> {
            List<Grant> grants = patients.accessGrants(filter);
            return (grants == null ? List.<Grant>of() : grants)
                    .stream().map(g -> new GrantRow(g, isActive(g, now))).toList();
        });
        return Templates.grants(filter == null ? "" : active, rows);
    }

    private static boolean isActive(Grant grant, Instant now) {
        Instant until = AuditMerge.instant(grant.expiresAt());
        return until != null && until.isAfter(now);
    }

    /** One page: each service's page of the filter, side by side, merged by time. */
    private AuditView view(AuditFilter filter) {
        CompletableFuture<Outcome<AuditApi.Page>> fromPatients = executor.supplyAsync(
                () -> Calls.attempt(Calls.PATIENTS, () -> page(patients, filter, filter.page(), PAGE_SIZE)));
        CompletableFuture<Outcome<AuditApi.Page>> fromPrograms = executor.supplyAsync(
                () -> Calls.attempt(Calls.PROGRAMS, () -> page(programs, filter, filter.page(), PAGE_SIZE)));
        List<Notice> notices = new ArrayList<>();
        List<List<Entry>> lists = new ArrayList<>();
        boolean hasNext = false;
        for (var answer : List.of(
                new Pending(fromPatients, Calls.PATIENTS, "patient-service"),
                new Pending(fromPrograms, Calls.PROGRAMS, "program-service"))) {
            Outcome<AuditApi.Page> page = join(answer.future(), answer.name());
            if (!page.isOk()) {
                notices.add(page.notice());
                continue;
            }
            AuditApi.Page value = page.value();
            List<Entry> items = value == null ? List.of() : value.itemsOrEmpty();
            lists.add(items.stream().map(e -> e.from(answer.service())).toList());
            hasNext |= value != null && value.total() != null
                    ? value.total() > (long) (filter.page() + 1) * PAGE_SIZE
                    : items.size() >= PAGE_SIZE;
        }
        List<Entry> merged = AuditMerge.newestFirst(lists.toArray(List[]::new));
        return new AuditView(merged, notices, hasNext);
    }

    /** One page of one service's trail for the filter: both services answer the same audit API. */
    private static AuditApi.Page page(AuditEndpoints service, AuditFilter filter, int page, int size) {
        return service.audit(
                filter.patientNumber(), filter.user(), filter.action(), filter.from(), filter.to(), page, size);
    }

    private record Pending(CompletableFuture<Outcome<AuditApi.Page>> future, String name, String service) {}

    /** Every page of one service's filtered trail, up to {@link #EXPORT_MAX} entries. */
    private static List<Entry> all(String service, Function<Integer, AuditApi.Page> pageNumber) {
        List<Entry> all = new ArrayList<>();
        for (int n = 0; all.size() < EXPORT_MAX; n++) {
            AuditApi.Page page = pageNumber.apply(n);
            List<Entry> items = page == null ? List.of() : page.itemsOrEmpty();
            items.stream().map(e -> e.from(service)).forEach(all::add);
            boolean last = items.size() < EXPORT_PAGE_SIZE
                    || (page.total() != null && (long) (n + 1) * EXPORT_PAGE_SIZE >= page.total());
            if (last) {
                break;
            }
        }
        return all.size() > EXPORT_MAX ? all.subList(0, EXPORT_MAX) : all;
    }

    private static <T> Outcome<T> join(CompletableFuture<Outcome<T>> future, String serviceName) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            // Calls.attempt turns every call failure into an outcome; this is the executor failing to run it.
            return Outcome.failed(Notice.unreachable(serviceName));
        }
    }
}
