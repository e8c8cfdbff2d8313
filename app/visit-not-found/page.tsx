import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Visit not found" };

/**
 * Where a browser that opened the join link of an unknown or foreign visit is sent
 * (GET /api/visits/[visitId]/join): this folder's not-found page, with status 404.
 */
export default function VisitNotFoundPage() {
  notFound();
}
