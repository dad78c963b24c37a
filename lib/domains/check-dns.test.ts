import { describe, expect, it } from "vitest";
import { checkDns, expectedRecord, type DnsResolver } from "./check-dns";

/** A resolver answering from a table, as DNS would; missing names answer ENOTFOUND. */
function resolver(records: Record<string, { cname?: string[]; a?: string[]; aaaa?: string[] }>, fail?: string): DnsResolver {
  const answer = (host: string, key: "cname" | "a" | "aaaa") => {
    if (fail) return Promise.reject(Object.assign(new Error(fail), { code: fail }));
    const r = records[host]?.[key];
    return r ? Promise.resolve(r) : Promise.reject(Object.assign(new Error("not found"), { code: records[host] ? "ENODATA" : "ENOTFOUND" }));
  };
  return { resolveCname: (h) => answer(h, "cname"), resolve4: (h) => answer(h, "a"), resolve6: (h) => answer(h, "aaaa") };
}

const APP = "links.pennant.example";

describe("checking a branded domain's DNS", () => {
  it("passes a CNAME to the app's host, in any case and with a trailing dot", async () => {
    expect(await checkDns(resolver({ "go.brand.example": { cname: ["Links.Pennant.Example."] } }), "go.brand.example", APP)).toBeNull();
  });

  it("passes A or AAAA records among the app's own addresses", async () => {
    const dns = resolver({ "brand.example": { a: ["203.0.113.7"] }, "v6.brand.example": { aaaa: ["2001:db8::7"] }, [APP]: { a: ["203.0.113.7"], aaaa: ["2001:db8::7"] } });
    expect(await checkDns(dns, "brand.example", APP)).toBeNull();
    expect(await checkDns(dns, "v6.brand.example", APP)).toBeNull();
    expect(await checkDns(resolver({ "brand.example": { a: ["198.51.100.1"] } }), "brand.example", "198.51.100.1")).toBeNull();
  });

  it("says why it fails: no record yet, a CNAME elsewhere, addresses of another server, a broken lookup", async () => {
    expect(await checkDns(resolver({}), "go.brand.example", APP)).toMatch(/No CNAME, A or AAAA record found for go.brand.example/);
    expect(await checkDns(resolver({ "go.brand.example": { cname: ["cname.other.example"] } }), "go.brand.example", APP)).toBe(
      "go.brand.example has a CNAME record to cname.other.example, not to links.pennant.example.",
    );
    expect(await checkDns(resolver({ "go.brand.example": { a: ["198.51.100.9"] }, [APP]: { a: ["203.0.113.7"] } }), "go.brand.example", APP)).toBe(
      "go.brand.example points to 198.51.100.9, which is not this server (203.0.113.7).",
    );
    expect(await checkDns(resolver({}, "ETIMEOUT"), "go.brand.example", APP)).toMatch(/failed \(ETIMEOUT\)/);
  });

  it("asks for a CNAME to the app's host, or an A/AAAA record when the app is known by address", () => {
    expect(expectedRecord("go.brand.example", APP)).toEqual({ type: "CNAME", name: "go.brand.example", value: APP });
    expect(expectedRecord("go.brand.example", "203.0.113.7").type).toBe("A");
    expect(expectedRecord("go.brand.example", "2001:db8::7").type).toBe("AAAA");
  });
});
