package clinic.patient.registry;

import java.util.List;

/**
 * One page of patients, newest first; {@code page} counts from 0. Items are whole records ({@link PatientView}) or,
 * for a physio's clinic-wide search, {@link PatientSummary}.
 */
public record PatientPage(List<?> items, int page, int size, long total) {}
