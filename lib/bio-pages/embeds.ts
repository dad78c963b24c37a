/** The only hosts an embed block may show, and the privacy-enhanced player each gets. */
export type EmbedProvider = "youtube" | "vimeo" | "spotify" | "soundcloud";
export interface Embed {
  provider: EmbedProvider;
  label: string;
  /** What the frame loads, only after the visitor presses play. */
  player: string;
}

export const EMBED_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://open.spotify.com", "https://w.soundcloud.com"];

/** The embed for a URL, or null when its host is not on the list. */
export function embedOf(raw: string): Embed | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, "");
  const id = (s: string | null | undefined, re: RegExp) => (s && re.test(s) ? s : null);
  if (host === "youtube.com" || host === "youtu.be" || host === "youtube-nocookie.com") {
    const v =
      host === "youtu.be"
        ? url.pathname.slice(1)
        : url.pathname === "/watch"
          ? url.searchParams.get("v")
          : /^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname)?.[1];
    const video = id(v, /^[A-Za-z0-9_-]{6,20}$/);
    return video ? { provider: "youtube", label: "YouTube video", player: `https://www.youtube-nocookie.com/embed/${video}?autoplay=1` } : null;
  }
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const video = id(/(\d{5,12})(?:\/|$)/.exec(url.pathname)?.[1], /^\d+$/);
    return video ? { provider: "vimeo", label: "Vimeo video", player: `https://player.vimeo.com/video/${video}?dnt=1&autoplay=1` } : null;
  }
  if (host === "open.spotify.com") {
    const m = /^\/(?:embed\/)?(track|album|playlist|episode|show|artist)\/([A-Za-z0-9]{10,40})/.exec(url.pathname);
    return m ? { provider: "spotify", label: "Spotify player", player: `https://open.spotify.com/embed/${m[1]}/${m[2]}` } : null;
  }
  if (host === "soundcloud.com") {
    if (!/^\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+){0,2}\/?$/.test(url.pathname)) return null;
    const track = `https://soundcloud.com${url.pathname}`;
    return { provider: "soundcloud", label: "SoundCloud player", player: `https://w.soundcloud.com/player/?url=${encodeURIComponent(track)}&auto_play=true` };
  }
  return null;
}
