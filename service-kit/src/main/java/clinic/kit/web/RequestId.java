package clinic.kit.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The id that ties an audit event to one HTTP request: the caller's {@code X-Request-Id} when it sent a sane one,
 * otherwise generated here. Set by {@link RequestIdFilter}.
 */
@RequestScoped
public class RequestId {

    private String value;

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    void set(String value) {
        this.value = value;
    }
}
