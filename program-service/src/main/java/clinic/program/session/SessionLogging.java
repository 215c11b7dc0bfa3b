package clinic.program.session;

import java.time.LocalDate;

/**
 * A new log is about to be written, fired in the logging transaction before its row is inserted: an observer that
 * keeps figures per program (the reports') counts it here and takes the program's lock first, so two logs of one
 * program are counted one after the other. Observers run synchronously; a failure rolls the whole log back.
 *
 * @param startedOn the program's first day
 * @param carePhysio the program's care physio (set when it is assigned, never changed)
 * @param date the log's session date
 */
public record SessionLogging(long programId, LocalDate startedOn, String carePhysio, LocalDate date, int painBefore) {}
