package clinic.portal.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundles;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.Locale;

/**
 * The request's language for code that is not a bean and has no {@link Lang} injected: static template extensions
 * (dates, scores) and the records that word a service failure. Outside a request (a scheduled job, a unit test) it is
 * the default language, so nothing ever fails for want of a language.
 */
public final class Texts {

    private Texts() {}

    /** The request's language tag, else {@link Languages#DEFAULT}. */
    public static String tag() {
        if (Arc.container() != null && Arc.container().requestContext().isActive()) {
            return Arc.container().instance(Lang.class).get().getTag();
        }
        return Languages.DEFAULT;
    }

    public static Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** The shell's bundle in the request's language. */
    public static Msg msg() {
        return bundle(Msg.class);
    }

    /** Any bundle in the request's language. */
    public static <T> T bundle(Class<T> bundle) {
        if (Arc.container() == null) {
            return english(bundle);
        }
        return MessageBundles.get(bundle, io.quarkus.qute.i18n.Localized.Literal.of(tag()));
    }

    /**
     * A bundle's English texts without Quarkus (plain unit tests of the classes that word things): each method answers
     * its {@code @Message} with the {@code {parameters}} filled in. The running portal never gets here.
     */
    static <T> T english(Class<T> bundle) {
        Object proxy =
                Proxy.newProxyInstance(bundle.getClassLoader(), new Class<?>[] {bundle}, (self, method, args) -> {
                    Message message = method.getAnnotation(Message.class);
                    if (message == null) {
                        return method.getDeclaringClass() == Object.class
                                ? method.invoke(bundle.getName(), args)
                                : null;
                    }
                    String text = message.value();
                    Parameter[] parameters = method.getParameters();
                    for (int i = 0; i < parameters.length; i++) {
                        text = text.replace("{" + parameters[i].getName() + "}", String.valueOf(args[i]));
                    }
                    return text;
                });
        return bundle.cast(proxy);
    }
}
