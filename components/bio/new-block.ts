import type { BioBlock } from "@/lib/bio-pages/schemas";

/** A proposal for a new block's id; the server keeps its own ids and the editor adopts them after saving. */
function tempId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function newBlock(type: BioBlock["type"]): BioBlock {
  const common = { id: tempId(), hidden: false, startsAt: null, endsAt: null };
  switch (type) {
    case "link":
      return { ...common, type, label: "New link", url: "https://", linkId: null, thumbnailId: null };
    case "header":
      return { ...common, type, text: "Header" };
    case "text":
      return { ...common, type, text: "Write something *nice*." };
    case "image":
      return { ...common, type, imageId: "", alt: "", url: null };
    case "social":
      return { ...common, type, items: [{ network: "instagram", value: "https://instagram.com/" }] };
    case "embed":
      return { ...common, type, url: "https://www.youtube.com/watch?v=", title: null };
    case "contact":
      return { ...common, type, name: null, email: null, phone: null };
    case "subscribe":
      return { ...common, type, heading: "Get the newsletter", consentText: "Yes, send me the newsletter. I can unsubscribe at any time.", buttonLabel: null };
  }
}
