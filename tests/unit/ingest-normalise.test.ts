// Normalisation of the identifiers that tie owners together.
import { describe, expect, it } from "vitest";
import { idCheckDigit, normaliseAccount, normaliseAddress, normaliseIdNumber, normaliseName, normalisePhone, toHalfWidth } from "../../services/ingest/normalise.ts";

describe("normalise", () => {
  it("turns full-width ASCII and the ideographic space into half-width", () => {
    expect(toHalfWidth("ＡＢＣ１２３（）　－")).toBe("ABC123() -");
    expect(toHalfWidth("李家村")).toBe("李家村");
  });

  it("normalises phones", () => {
    expect(normalisePhone(" 138-0013-8000 ")).toBe("13800138000");
    expect(normalisePhone("+86 138 0013 8000")).toBe("13800138000");
    expect(normalisePhone("0086-138.0013.8000")).toBe("13800138000");
    expect(normalisePhone("（０８７１）５５５－０００１")).toBe("08715550001");
    expect(normalisePhone("+1 (555) 010-9999")).toBe("+15550109999");
    expect(() => normalisePhone("call me")).toThrow(/not a phone number/);
    expect(() => normalisePhone("--")).toThrow(expect.objectContaining({ name: "NormaliseError" }));
  });

  it("normalises addresses, dropping the spaces people put between the parts of a Chinese address", () => {
    expect(normaliseAddress("  李家村　 ２组   3号 ")).toBe("李家村2组3号");
    expect(normaliseAddress("东镇 ８８号")).toBe("东镇88号");
    expect(normaliseAddress("山西省 吕梁市 临县 城庄镇 李家村 12号")).toBe(normaliseAddress("山西省吕梁市临县城庄镇李家村１２号"));
    expect(normaliseAddress(" Room 5   Block  B, 东镇")).toBe("Room 5 Block B,东镇");
  });

  it("normalises bank account numbers", () => {
    expect(normaliseAccount("6222 0200-1234 5678")).toBe("6222020012345678");
    expect(normaliseAccount("ｇｂ８２ west 1234")).toBe("GB82WEST1234");
    expect(() => normaliseAccount(" - ")).toThrow(/not an account number/);
  });

  it("validates ID numbers with the ISO 7064 MOD 11-2 check digit", () => {
    expect(idCheckDigit("11010519491231002")).toBe("X");
    expect(normaliseIdNumber("11010519491231002x")).toBe("11010519491231002X");
    expect(normaliseIdNumber("５３０１２２１９７００１０１００１６")).toBe("530122197001010016");
    expect(() => normaliseIdNumber("530122197001010017")).toThrow("bad check digit (530122197001010017)");
    expect(() => normaliseIdNumber("53012219700101001")).toThrow(/not an 18-character ID number/);
    expect(() => normaliseIdNumber("110105491231002")).toThrow(/not an 18-character ID number/);
  });

  it("trims names and collapses internal whitespace only", () => {
    expect(normaliseName("  李   华 ")).toBe("李 华");
    expect(normaliseName("欧阳　娜娜")).toBe("欧阳 娜娜");
    expect(normaliseName("Ｌｉ")).toBe("Ｌｉ");
  });
});
