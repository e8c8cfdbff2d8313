import Link from "next/link";
import { useTranslations } from "next-intl";

export default function VisitNotFound() {
  const t = useTranslations("Visit");
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundHeading")}</h1>
      <p className="mt-2 text-slate-700">{t("notFoundText")}</p>
      <Link href="/visits" className="mt-6 inline-block font-semibold text-blue-700 underline">
        {t("notFoundLink")}
      </Link>
    </div>
  );
}
