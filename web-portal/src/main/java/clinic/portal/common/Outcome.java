package clinic.portal.common;

/** The result of one service call: a value, or a {@link Notice} saying why there is none. */
public record Outcome<T>(T value, Notice notice) {

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(Notice notice) {
        return new Outcome<>(null, notice);
    }

    public boolean isOk() {
        return notice == null;
    }
}
