import type { FormHTMLAttributes } from "react";
import { Search } from "lucide-react";
import { cn } from "./cn";

interface Props extends Pick<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit" | "className"> {
  name: string;
  /** The input's accessible name ("Search links"). */
  label: string;
  placeholder: string;
  defaultValue: string;
}

/** A search box: the magnifier and a labelled search input; Enter submits the form (to `action`, or `onSubmit`). */
export function SearchForm({ name, label, placeholder, defaultValue, className, ...form }: Props) {
  return (
    <form method="get" role="search" {...form} className={cn("relative", className)}>
      <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-500" />
      <input
        name={name}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        defaultValue={defaultValue}
        className="h-10 w-full rounded-lg border border-zinc-300 bg-white pl-9 pr-3 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600"
      />
    </form>
  );
}
