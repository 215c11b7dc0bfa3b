package clinic.kit.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A date in the years 1900 to 2100 (typos such as 0202 or 20266 are refused). Null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SaneDate.Validator.class)
public @interface SaneDate {

    /** Earliest year of a date a person gives (a birth date, a screening). */
    int MIN_YEAR = 1900;
    /** Latest year of such a date. */
    int MAX_YEAR = 2100;

    String message() default "must be a date from 1900 to 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaneDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (value.getYear() >= MIN_YEAR && value.getYear() <= MAX_YEAR);
        }
    }
}
