package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void aMessageKeepsItsHeadersSoTheOneClickUnsubscribeAddressCanBeRead() {
        String mime = String.join(
                "\r\n",
                "To: patient3@demo.clinic.test",
                "Subject: =?UTF-8?Q?Time_for_your_exercises?=",
                "Message-ID: <notification-7@localhost>",
                "List-Unsubscribe: <http://localhost:8080/unsubscribe?t=abc.def>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Open today's routine: http://localhost:8080/me/today",
                "");
        Mailbox.Mail mail = Mailbox.parse(1, mime);
        assertThat(mail.subject()).isEqualTo("Time for your exercises");
        assertThat(mail.header("List-Unsubscribe")).isEqualTo("<http://localhost:8080/unsubscribe?t=abc.def>");
        assertThat(mail.header("list-unsubscribe-post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.header("Message-ID")).isEqualTo("<notification-7@localhost>");
        assertThat(mail.header("Auto-Submitted")).isEmpty();
        assertThat(mail.links()).containsExactly("http://localhost:8080/me/today");
    }
}
