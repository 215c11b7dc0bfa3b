package clinic.program.outcome;

import java.math.BigDecimal;

/**
 * What a scorer makes of one questionnaire's answers.
 *
 * @param score the instrument's score (PSFS mean, RMDQ count, STarT Back overall score)
 * @param subscore a second score where the instrument has one (the STarT Back distress subscale), else null
 * @param riskGroup LOW, MEDIUM or HIGH for a stratification screen, else null
 */
public record Score(BigDecimal score, BigDecimal subscore, String riskGroup) {}
