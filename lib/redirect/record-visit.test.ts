import { describe, expect, it } from "vitest";
import { decide, type VisitContext } from "./decide";
import type { RedirectLink } from "./link-record";
import { landingUtm, utmOf } from "./record-visit";

function link(over: Partial<RedirectLink> = {}): RedirectLink {
  return {
    id: "l1", workspaceId: "w1", domain: "pnnt.test", slug: "spring", url: "https://shop.example/spring?utm_content=hero",
    utm: { source: "newsletter", medium: "email", campaign: "spring-sale", term: null, content: null },
    expiresAt: null, expiredUrl: null, maxClicks: null, passwordHash: null, disabled: false, redirectType: 302, forwardQuery: true,
    iosUrl: null, androidUrl: null, geo: null, og: { title: null, description: null, image: null }, title: null, ...over,
  };
}

const ctx = (query = ""): VisitContext => ({ now: 0, os: null, device: "desktop", country: null, query: new URLSearchParams(query), previewCrawler: false, unlocked: false });

/** What a visit's click records: the UTM values of the address the visitor is sent to. */
function recorded(l: RedirectLink, query = "") {
  const d = decide(l, ctx(query));
  if (d.kind !== "redirect") throw new Error(d.kind);
  return { location: d.location, utm: landingUtm(l, d.location) };
}

describe("landingUtm: a click's UTM values are what its destination receives", () => {
  it("counts the link's own values, and its URL's, when the visit brings none", () => {
    expect(recorded(link()).utm).toEqual({ utmSource: "newsletter", utmMedium: "email", utmCampaign: "spring-sale", utmTerm: null, utmContent: "hero" });
  });

  it("lets the visit's own values win, key by key, when the link forwards its query", () => {
    const { location, utm } = recorded(link(), "utm_source=partner&utm_term=shoes&fbclid=abc");
    expect(new URL(location).searchParams.get("utm_source")).toBe("partner");
    expect(utm).toEqual({ utmSource: "partner", utmMedium: "email", utmCampaign: "spring-sale", utmTerm: "shoes", utmContent: "hero" });
  });

  it("keeps the link's values when the link forwards no query, as the destination does", () => {
    expect(recorded(link({ forwardQuery: false }), "utm_source=partner").utm.utmSource).toBe("newsletter");
  });

  it("follows a device target's address, and a link without UTM values records none", () => {
    const plain = link({ url: "https://shop.example/", utm: { source: null, medium: null, campaign: null, term: null, content: null } });
    expect(recorded(plain).utm).toEqual(utmOf(new URLSearchParams()));
    // The link's own values still win over the target URL's, as they do in the address sent.
    const ios = link({ iosUrl: "https://apps.example/app?utm_source=ios-banner&utm_medium=app" });
    const d = decide(ios, { ...ctx(), os: "iOS" });
    expect(d.kind === "redirect" && d.location).toBe("https://apps.example/app?utm_source=newsletter&utm_medium=email&utm_campaign=spring-sale");
    expect(d.kind === "redirect" && landingUtm(ios, d.location)).toMatchObject({ utmSource: "newsletter", utmContent: null });
  });

  it("answers a second visit to the same address from what it parsed, and a new address afresh", () => {
    const l = link();
    const first = recorded(l);
    expect(recorded(l).utm).toBe(first.utm);
    expect(recorded(l, "utm_source=other").utm.utmSource).toBe("other");
    expect(recorded(l).utm.utmSource).toBe("newsletter");
  });

  it("stores a visit's values cleaned and cut to 200 characters", () => {
    const { utm } = recorded(link(), `utm_source=a%00b&utm_campaign=%07spring%1F&utm_term=${"a".repeat(250)}`);
    expect([utm.utmSource, utm.utmCampaign, utm.utmTerm]).toEqual(["ab", "spring", "a".repeat(200)]);
  });
});
