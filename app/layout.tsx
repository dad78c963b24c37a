import type { Metadata, Viewport } from "next";
import "@fontsource-variable/inter";
import "./globals.css";
import { headers } from "next/headers";
import { Toaster } from "sonner";
import { HydrationMark } from "@/components/ui/hydration-mark";

export const metadata: Metadata = {
  title: { default: "Pennant — short links, QR codes and bio pages", template: "%s · Pennant" },
  description: "Short links, professional QR codes, link-in-bio pages and honest, bot-free analytics for every campaign.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each gets
  // the nonce of its own Content-Security-Policy (proxy.ts) on Next's scripts.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        {children}
        <Toaster position="bottom-right" richColors closeButton />
        <HydrationMark />
      </body>
    </html>
  );
}
