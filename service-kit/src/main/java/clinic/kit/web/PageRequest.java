package clinic.kit.web;

import clinic.kit.problem.DomainException;

/** A page number (from 0) and a page size capped so one request cannot read the whole table. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * From query parameters taken as text, so "abc" is a 400 naming the field rather than the 404 JAX-RS gives for an
     * unconvertible query parameter. Missing values take defaults; sizes above {@link #MAX_SIZE} are capped.
     */
    public static PageRequest of(String page, String size) {
        return capped(page, size, MAX_SIZE);
    }

    /**
     * Like {@link #of(String, String)} with another maximum, which is refused (400) rather than capped: an export
     * must not silently return fewer rows than asked for.
     */
    public static PageRequest of(String page, String size, int max) {
        PageRequest request = capped(page, size, Integer.MAX_VALUE);
        if (request.size() > max) {
            throw new DomainException.Invalid("size", "must be " + max + " or less");
        }
        return request;
    }

    private static PageRequest capped(String page, String size, int max) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0 || s < 1) {
            throw new DomainException.Invalid(
                    p < 0 ? "page" : "size", p < 0 ? "must be 0 or more" : "must be 1 or more");
        }
        return new PageRequest(p, Math.min(s, max));
    }

    private static int parse(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "must be a whole number");
        }
    }
}
