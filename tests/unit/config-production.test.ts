// The production start rules that live in the configuration: TLS or a trusted proxy.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../services/config/index.ts";

describe("NODE_ENV=production", () => {
  it("refuses to start without TLS or a trusted proxy", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY/);
  });

  it("starts behind a named proxy, or with both TLS files", () => {
    expect(parseConfig({ NODE_ENV: "production", TRUST_PROXY: "10.1.2.3" }).api.trustProxy).toEqual({ value: "10.1.2.3", configured: true });
    expect(parseConfig({ NODE_ENV: "production", TLS_CERT_FILE: "c.pem", TLS_KEY_FILE: "k.pem" }).tls?.certFile).toMatch(/c\.pem$/);
    expect(() => parseConfig({ TLS_CERT_FILE: "c.pem" })).toThrow(/go together/);
  });

  it("leaves development as it was: loopback trusted, plain HTTP", () => {
    const cfg = parseConfig({});
    expect(cfg.production).toBe(false);
    expect(cfg.tls).toBeUndefined();
    expect(cfg.api.trustProxy.value).toBe("loopback");
  });
});
