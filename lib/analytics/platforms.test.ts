import { describe, expect, it } from "vitest";
import { platformKinds, platformOf } from "./platforms";

describe("platformOf", () => {
  it("recognises the apps' link wrappers and subdomains", () => {
    expect(platformOf("l.facebook.com", null)).toBe("facebook");
    expect(platformOf("lm.facebook.com", null)).toBe("facebook");
    expect(platformOf("m.facebook.com", null)).toBe("facebook");
    expect(platformOf("l.instagram.com", null)).toBe("instagram");
    expect(platformOf("t.co", null)).toBe("x");
    expect(platformOf("lnkd.in", null)).toBe("linkedin");
    expect(platformOf("out.reddit.com", null)).toBe("reddit");
    expect(platformOf("www.youtube.com", null)).toBe("youtube");
    expect(platformOf("www.xing.com", null)).toBe("xing");
  });
  it("falls back to utm_source, and the referrer wins over it", () => {
    expect(platformOf(null, "LinkedIn")).toBe("linkedin");
    expect(platformOf("t.co", "facebook")).toBe("x");
    expect(platformOf("example.com", "newsletter")).toBeNull();
    expect(platformOf("notfacebook.com", null)).toBeNull();
  });
});

describe("platformKinds", () => {
  it("defaults Facebook to social media, and a workspace's channel setting overrides it", () => {
    expect(platformKinds([]).get("facebook")).toBe("social_media");
    expect(platformKinds([]).get("linkedin")).toBe("social_network");
    expect(platformKinds([{ key: "facebook", kind: "social_network" }]).get("facebook")).toBe("social_network");
  });
});
