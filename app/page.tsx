import { redirect } from "next/navigation";

import { homePathFor } from "@/lib/auth/home-path";
import { getViewer } from "@/lib/auth/viewer";

export default async function HomePage() {
  const viewer = await getViewer();
  redirect(viewer ? homePathFor(viewer.role) : "/sign-in");
}
