package clinic.program.prescription;

/** A physio discharged a program, fired in the discharging transaction (the program is DISCHARGED already). */
public record ProgramDischarged(Program program) {}
