import Link from "next/link";
import { BarChart3, Link2, QrCode, UserRound, ShieldCheck, Server } from "lucide-react";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";

const FEATURES = [
  { icon: Link2, title: "Short links that carry your campaign", text: "Paste a URL, press Enter, and the short link is on your clipboard, tagged with the right UTM parameters for every channel." },
  { icon: QrCode, title: "QR codes that survive print", text: "Design codes in your brand colours with your logo. Change where they lead long after the flyers are printed." },
  { icon: UserRound, title: "Link-in-bio, in the same tool", text: "A profile page for every handle, built from the links you already manage, counted in the same analytics." },
  { icon: BarChart3, title: "Honest, bot-free numbers", text: "Clicks, unique visitors and scans per channel, social media kept apart from social networks. Bots are never counted." },
  { icon: ShieldCheck, title: "Safe for your visitors", text: "Only web destinations, expiring and password-protected links, and no visitor IP addresses stored. Ever." },
  { icon: Server, title: "Easy to host yourself", text: "Two commands start Pennant on an embedded database. Point it at PostgreSQL and Redis when you grow." },
];

export default async function LandingPage() {
  const user = await getSessionUser();
  return (
    <div className="min-h-dvh bg-white">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-5 py-5">
        <Logo />
        <nav className="flex items-center gap-2">
          {user ? (
            <Button asChild size="sm">
              <Link href="/dashboard">Open dashboard</Link>
            </Button>
          ) : (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link href="/signin">Sign in</Link>
              </Button>
              <Button asChild size="sm">
                <Link href="/signup">Sign up free</Link>
              </Button>
            </>
          )}
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-4xl px-5 pb-16 pt-12 text-center sm:pt-20">
          <p className="mx-auto inline-flex rounded-full bg-accent-50 px-3 py-1 text-sm font-medium text-accent-700">Short links · QR codes · Bio pages · Analytics</p>
          <h1 className="mt-6 text-4xl font-semibold tracking-tight text-zinc-900 sm:text-6xl">Every campaign link, in one place you trust.</h1>
          <p className="mx-auto mt-5 max-w-2xl text-lg text-zinc-600">
            Pennant turns long URLs into short links, QR codes and link-in-bio pages, and shows how each campaign performs across social media and social networks.
          </p>
          <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
            <Button asChild size="lg">
              <Link href={user ? "/dashboard" : "/signup"}>{user ? "Go to your links" : "Create your free account"}</Link>
            </Button>
            {!user && (
              <Button asChild size="lg" variant="secondary">
                <Link href="/signin">I already have an account</Link>
              </Button>
            )}
          </div>
        </section>
        <section aria-labelledby="features" className="border-t border-zinc-100 bg-zinc-50">
          <div className="mx-auto max-w-6xl px-5 py-16">
            <h2 id="features" className="sr-only">What Pennant does</h2>
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {FEATURES.map(({ icon: Icon, title, text }) => (
                <li key={title} className="rounded-xl border border-zinc-200 bg-white p-6">
                  <Icon aria-hidden className="size-6 text-accent-600" />
                  <h3 className="mt-4 font-semibold text-zinc-900">{title}</h3>
                  <p className="mt-2 text-sm leading-6 text-zinc-600">{text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-6xl px-5 py-8 text-sm text-zinc-500">© Pennant. Made for marketers who read their numbers.</footer>
    </div>
  );
}
