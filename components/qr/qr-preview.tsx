import { cn } from "@/components/ui/cn";

/** A checkerboard, so a transparent background reads as transparent. */
export const CHECKERBOARD: React.CSSProperties = {
  backgroundImage: "repeating-conic-gradient(#e4e4e7 0 25%, #ffffff 0 50%)",
  backgroundSize: "16px 16px",
};

/**
 * The SVG from renderQrSvg, inline. It is our own renderer's output (every
 * user-written text escaped there), never a user's file.
 */
export function QrPreview({ svg, error, transparent, label, className }: { svg?: string; error?: string; transparent: boolean; label: string; className?: string }) {
  if (!svg) {
    return (
      <div role="alert" className={cn("flex aspect-square items-center justify-center rounded-lg border border-dashed border-red-300 bg-red-50 p-6 text-center text-sm text-red-800", className)}>
        {error ?? "The preview could not be drawn."}
      </div>
    );
  }
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="qr-preview"
      style={transparent ? CHECKERBOARD : undefined}
      className={cn("overflow-hidden rounded-lg border border-zinc-200 [&>svg]:block [&>svg]:h-auto [&>svg]:w-full", className)}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
