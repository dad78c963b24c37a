import type { MetadataRoute } from "next";
import { FLAG_COLOR } from "@/components/logo-mark";

/** /manifest.webmanifest: Pennant added to a home screen opens on the dashboard. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Pennant",
    short_name: "Pennant",
    description: "Short links, QR codes and bio pages for every campaign.",
    start_url: "/dashboard",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: FLAG_COLOR,
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png" },
    ],
  };
}
