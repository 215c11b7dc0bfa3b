package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieJarTest {

    @Test
    void keepsSecureCookiesOverPlainHttpAndSendsThemByName() {
        PortalSession.CookieJar jar = new PortalSession.CookieJar();
        jar.take("AUTH_SESSION_ID=abc.def; Version=1; Path=/realms/clinic/; SameSite=None; Secure; HttpOnly");
        jar.take("q_session=enc1; Path=/; HttpOnly; SameSite=Lax");
        jar.take("q_session_at=enc2; Path=/; HttpOnly");
        assertThat(jar.header(name -> true)).isEqualTo("AUTH_SESSION_ID=abc.def; q_session=enc1; q_session_at=enc2");
        assertThat(jar.header(name -> name.startsWith("q_session"))).isEqualTo("q_session=enc1; q_session_at=enc2");
    }

    @Test
    void aLaterValueReplacesAndAnExpiredCookieIsForgotten() {
        PortalSession.CookieJar jar = new PortalSession.CookieJar();
        jar.take("q_auth_state=s1; Path=/");
        jar.take("KC_RESTART=r1; Path=/");
        jar.take("KC_RESTART=r2; Path=/");
        jar.take("q_auth_state=; Max-Age=0; Path=/");
        assertThat(jar.header(name -> true)).isEqualTo("KC_RESTART=r2");
        jar.take("KC_RESTART=gone; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Max-Age=0");
        assertThat(jar.header(name -> true)).isEmpty();
    }
}
