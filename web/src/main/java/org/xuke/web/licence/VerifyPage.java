package org.xuke.web.licence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xuke.licence.LicencePrinting;
import org.xuke.web.Texts;

/** 许可证核验 (public): one GET with the licence number and verification code, nothing kept. */
@Named
@RequestScoped
public class VerifyPage {

    @Inject
    private LicencePrinting printing;

    private String number;
    private String code;
    private boolean asked;
    private LicencePrinting.PublicLicence result;

    public void check() {
        asked = number != null || code != null;
        if (!isIncomplete()) {
            result = printing.verify(number, code).orElse(null);
        }
    }

    public boolean isIncomplete() {
        return number == null || number.isBlank() || code == null || code.isBlank();
    }

    public String getSealText() {
        return result.sealValid() ? Texts.text("verify.sealValid", result.sealSigner(), result.sealSerial())
                : Texts.text("verify.sealInvalid");
    }

    public boolean isAsked() {
        return asked;
    }

    public LicencePrinting.PublicLicence getResult() {
        return result;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
