import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";

/** A tooltip drawn by CSS from data-tip: shown on hover and on keyboard focus, no extra markup. */
export const TOOLTIP =
  "relative after:pointer-events-none after:absolute after:bottom-full after:left-1/2 after:z-30 after:mb-1.5 after:hidden after:-translate-x-1/2 after:whitespace-nowrap after:rounded-md after:bg-zinc-900 after:px-2 after:py-1 after:text-xs after:font-medium after:text-white after:shadow after:content-[attr(data-tip)] hover:after:block focus-visible:after:block";

/**
 * An icon-only button named by `label` (its accessible name), with `tip`
 * (default: the label) as its visible tooltip.
 */
export function IconButton({ label, tip, className, ...props }: ButtonProps & { label: string; tip?: string }) {
  return <Button variant="ghost" size="sm" aria-label={label} data-tip={tip ?? label} className={cn("px-2", TOOLTIP, className)} {...props} />;
}
