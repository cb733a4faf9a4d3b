package org.xuke.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.stream.Collectors;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.identity.CertificateService.LoginCertificateCheck;
import org.xuke.account.LoginResult;

/**
 * E-key login: the TLS client certificate (issued by the deployment CA, bound to the account, not
 * revoked, not expired) and the password. The certificate is checked first, so without the
 * e-key nobody can even try passwords. A demo run may allow password-only login for the demo
 * accounts it created (-Dxuke.demo.accounts), never in production. The session is then bound
 * to the e-key it signed in with ({@link EkeySessionBinding}).
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
public class EkeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute carrying the message key for the login page. */
    public static final String MESSAGE = "xuke.login.message";
    /** The only group of a user who must change his one-time password first. */
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    @Inject
    private AccountService accounts;

    @Inject
    private CertificateService certificates;

    @Inject
    private DemoMode demo;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!(context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential)) {
            return context.doNothing();
        }
        String username = credential.getCaller().strip().toUpperCase(java.util.Locale.ROOT);
        if (!demo.passwordOnlyAllowed(username)) {
            X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CERTIFICATE_ATTRIBUTE);
            LoginCertificateCheck check = certificates.checkLogin(chain == null ? null : chain[0], username);
            if (check != LoginCertificateCheck.ACCEPTED) {
                accounts.recordRefusedCertificate(username, check.name(), request.getRemoteAddr());
                request.setAttribute(MESSAGE, "login.certificate." + check.name());
                // No 401 error page: the sign-in form shows the reason itself.
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        LoginResult result = accounts.login(username, credential.getPassword().getValue(), request.getRemoteAddr());
        if (!result.outcome().authenticated()) {
            request.setAttribute(MESSAGE, result.outcome().messageKey());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!demo.passwordOnlyAllowed(username)) {
            EkeySessionBinding.bind(request);
        }
        Set<String> groups = switch (result.outcome()) {
            case PASSWORD_CHANGE_REQUIRED -> Set.of(PASSWORD_CHANGE);
            default -> accounts.find(username).orElseThrow().getRoles().stream().map(Enum::name)
                    .collect(Collectors.toSet());
        };
        return context.notifyContainerAboutLogin(username, groups);
    }
}
