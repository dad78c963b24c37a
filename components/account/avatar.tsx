/** A person's picture, or the first letter of their name on a dark disc. */
export function Avatar({ name, email, image, className = "size-9 text-sm" }: { name: string | null; email: string; image?: string | null; className?: string }) {
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- the person's own picture (an upload served by Pennant, or an https address); not optimised through Next
    return <img src={image} alt="" referrerPolicy="no-referrer" className={`${className} rounded-full object-cover`} />;
  }
  return <span className={`${className} flex items-center justify-center rounded-full bg-zinc-900 font-semibold uppercase text-white`}>{(name || email).slice(0, 1)}</span>;
}
