package clinic.patient.patient;

import java.util.List;

/** One page of patients, newest first; {@code page} counts from 0. */
public record PatientPage(List<PatientView> items, int page, int size, long total) {}
