package clinic.kit.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person can read: no control characters (NUL included; line breaks and tabs only where {@link #multiline}),
 * and, unless it is empty or blank (left to {@code @NotBlank} where a value is required, otherwise taken as absent),
 * at least one visible character: a value made only of spaces, zero-width or other format characters, or fillers
 * would look empty on every page yet be stored. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VisibleText.Validator.class)
public @interface VisibleText {

    String message() default "must be visible text without control characters";

    /** Whether line breaks and tabs are allowed (notes, reasons), or not (names, numbers). */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleText, String> {

        private boolean multiline;

        @Override
        public void initialize(VisibleText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value, multiline);
        }

        /** The rule itself, also used where there is no annotation. */
        public static boolean valid(String value, boolean multiline) {
            boolean visible = false;
            for (int i = 0; i < value.length(); ) {
                int cp = value.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n' || cp == '\r' || cp == '\t') {
                    if (!multiline) {
                        return false;
                    }
                    continue;
                }
                if (Character.getType(cp) == Character.CONTROL) {
                    return false;
                }
                if (!invisible(cp)) {
                    visible = true;
                }
            }
            return visible || value.isBlank();
        }

        /** Whitespace, format characters (zero-width space, joiners, bidi marks, BOM) and blank fillers. */
        static boolean invisible(int cp) {
            int type = Character.getType(cp);
            return Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || type == Character.FORMAT
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || cp == 0x115F
                    || cp == 0x1160
                    || cp == 0x3164
                    || cp == 0xFFA0
                    || cp == 0x2800
                    || cp == 0x180E
                    || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0xE0100 && cp <= 0xE01EF);
        }
    }
}
