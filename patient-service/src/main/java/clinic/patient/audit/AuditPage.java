package clinic.patient.audit;

import clinic.kit.contract.AuditEntry;
import java.util.List;

/** One page of audit events, newest first; {@code page} counts from 0. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {}
