package org.xuke.web.account;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.primefaces.model.LazyDataModel;
import org.xuke.web.PagedModel;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.account.Account;
import org.xuke.identity.AccountAdministration;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Downloads;
import org.xuke.web.Texts;

/**
 * 用户管理 for authority and system administrators: find accounts in reach, create officers
 * (one-time password shown once), unlock, reset a password, make an officer's e-key.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountAdministration administration;

    @Inject
    private CatalogService catalogs;

    private String search;
    private final LazyDataModel<Account> model = new PagedModel<>((first, max, sort) -> administration.pageForCaller(
            search, first, max, sort.field(), sort.ascending()), Account::getUsername);

    // new officer
    private String username;
    private String displayName;
    private String authorityCode;
    private Role[] roles = {Role.INITIAL_REVIEWER};

    // acting on one account
    private String target;
    private String pkcs12Password;

    private String shownUsername;
    private String oneTimePassword;
    private byte[] pkcs12;
    private List<CatalogEntry> authorities;

    public void create() {
        if (roles == null || roles.length == 0) {
            Texts.error("create:roles", "accounts.rolesRequired");
            return;
        }
        try {
            var created = administration.createOfficer(username, displayName, authorityCode,
                    roles == null || roles.length == 0 ? Set.of() : EnumSet.copyOf(java.util.Arrays.asList(roles)));
            show(created.username(), created.oneTimePassword());
            Texts.info("accounts.created", created.username());
            username = null;
            displayName = null;
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void unlock() {
        try {
            administration.unlock(target);
            Texts.info("accounts.unlocked", target.toUpperCase(java.util.Locale.ROOT));
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void reset() {
        try {
            show(target.toUpperCase(java.util.Locale.ROOT), administration.resetPassword(target));
            Texts.info("accounts.reset", shownUsername);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void makeEkey() {
        try {
            var issued = administration.issueOfficerEkey(target, pkcs12Password == null ? null
                    : pkcs12Password.toCharArray());
            pkcs12 = issued.loginPkcs12();
            shownUsername = issued.username();
            oneTimePassword = null;
            Texts.info("accounts.ekeyMade", issued.username());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        } finally {
            pkcs12Password = null;
        }
    }

    /** Sends the officer's e-key file once and forgets it. */
    public void download() throws IOException {
        if (pkcs12 == null) {
            Texts.error(null, "ekey.downloadGone");
            return;
        }
        byte[] bytes = pkcs12;
        pkcs12 = null;
        Downloads.send(bytes, "application/x-pkcs12", shownUsername + ".p12");
    }

    private void show(String user, char[] password) {
        shownUsername = user;
        oneTimePassword = new String(password);
        pkcs12 = null;
    }

    public boolean locked(Account account) {
        return administration.isLocked(account);
    }

    public boolean isSystemAdministrator() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.SYSTEM_ADMIN.name());
    }

    public List<CatalogEntry> getAuthorities() {
        if (authorities == null) {
            authorities = catalogs.find(CatalogKind.ISSUING_AUTHORITY, null, 0, 500, "code", true);
        }
        return authorities;
    }

    /** An authority administrator's choice; the system administrator also makes e-key provider staff and his peers. */
    public Role[] getOfficerRoles() {
        return isSystemAdministrator()
                ? new Role[] {Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER, Role.ISSUER, Role.AUTHORITY_ADMIN,
                    Role.EKEY_PROVIDER, Role.SYSTEM_ADMIN}
                : new Role[] {Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER, Role.ISSUER, Role.AUTHORITY_ADMIN};
    }

    public boolean isKeyWaiting() {
        return pkcs12 != null;
    }

    public LazyDataModel<Account> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public void setAuthorityCode(String authorityCode) {
        this.authorityCode = authorityCode;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getPkcs12Password() {
        return pkcs12Password;
    }

    public void setPkcs12Password(String pkcs12Password) {
        this.pkcs12Password = pkcs12Password;
    }

    public String getShownUsername() {
        return shownUsername;
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }

}
