package clinic.patient.registry;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A date of birth in the past and not before 1900: catches typos such as 0985 or 2095. Null is allowed. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleBirthDate.Validator.class)
public @interface PlausibleBirthDate {

    String message() default "must be in the past and after 1900-01-01";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleBirthDate, LocalDate> {

        private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (value.isAfter(EARLIEST) && value.isBefore(LocalDate.now()));
        }
    }
}
