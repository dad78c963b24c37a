import { PageHeader } from "@/components/dashboard/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <>
      <PageHeader title="Settings" description="Your workspace, its members, API keys, domains and channels." />
      <SettingsTabs slug={slug} />
      <div className="mt-6 space-y-6">{children}</div>
    </>
  );
}
