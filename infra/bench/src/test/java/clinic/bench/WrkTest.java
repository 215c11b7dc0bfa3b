package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrkTest {

    @Test
    void theScriptSendsEachRequestWithItsOwnHeadersAndCountsOtherStatuses() {
        HttpRequest a = HttpRequest.newBuilder(URI.create("http://localhost:8082/api/programs/me/today"))
                .header("Authorization", "Bearer abc.def")
                .GET()
                .build();
        HttpRequest b = HttpRequest.newBuilder(URI.create("http://localhost:8080/me/today?x=1"))
                .header("Cookie", "q_session=\"v\\1\"; other=2")
                .GET()
                .build();
        String lua = Wrk.script(List.of(a, b), 200);
        assertThat(lua)
                .contains(
                        "specs[#specs + 1] = {\"/api/programs/me/today\", {[\"Authorization\"] = \"Bearer abc.def\", }}");
        assertThat(lua).contains("{\"/me/today?x=1\", {[\"Cookie\"] = \"q_session=\\\"v\\\\1\\\"; other=2\", }}");
        assertThat(lua).contains("if status ~= 200 then bad = bad + 1 end");
    }

    @Test
    void writesAreNotSentThroughWrk() {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:8082/x"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        assertThatThrownBy(() -> Wrk.script(List.of(post), 201)).hasMessageContaining("GET scenarios only");
    }

    @Test
    void successesPerSecondLeaveOutUnexpectedStatusesAndSocketErrorsAreCounted() {
        String output = "Running 15s test @ http://localhost:8082/\n  2 threads and 16 connections\n"
                + "CLINIC_RESULT requests=30000 bad=1000 duration_us=15000000 connect=0 read=2 write=0 timeout=1\n"
                + "Requests/sec:   2000.00\n";
        LoadGenerator.Closed closed = Wrk.parse(output);
        assertThat(closed.perSecond()).isCloseTo(29_000 / 15.0, within(1e-6));
        assertThat(closed.stats().successes()).isEqualTo(29_000);
        assertThat(closed.stats().errors()).isEqualTo(1_003);
        assertThat(closed.stats().errorKinds())
                .containsEntry("unexpected status (wrk)", 1_000L)
                .containsEntry("socket read error (wrk)", 2L)
                .containsEntry("socket timeout error (wrk)", 1L);
        assertThat(closed.stats().percentileMillis(50)).isNaN();
    }

    @Test
    void outputWithoutTheResultLineIsAFailureNotAZero() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to localhost:8082 Connection refused"))
                .hasMessageContaining("no result line");
    }
}
