import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { getProfile } from "@/lib/users/get-profile";

import { ChangePasswordForm } from "./change-password-form";
import { VideoConferenceUserIdForm } from "./video-conference-user-id-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Profile");
  return { title: t("title") };
}

type ProfilePageProps = { searchParams: Promise<{ password?: string | string[] }> };

export default async function ProfilePage({ searchParams }: ProfilePageProps) {
  const viewer = await requireRole(Role.ADMIN, Role.CARE_TEAM, Role.PATIENT);
  const profile = await getProfile({ viewer });
  // Patients read it in their language; staff pages are English (decision 033).
  const t = await getTranslations("Profile");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={`${profile.firstName} ${profile.lastName} · ${profile.email}`}
      />
      {viewer.role === Role.PATIENT ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("detailsHeading")}</h2>
          <p className="text-sm text-slate-700">{t("details")}</p>
        </Card>
      ) : (
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Video conferencing</h2>
          <VideoConferenceUserIdForm value={profile.videoConferenceUserId} />
        </Card>
      )}
      {profile.hasPassword ? (
        <Card className="mt-6">
          <h2 className="mb-4 text-lg font-semibold">Change password</h2>
          <ChangePasswordForm isChanged={(await searchParams).password === "changed"} />
        </Card>
      ) : null}
    </>
  );
}
