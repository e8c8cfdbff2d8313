"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** The live picture from the front camera, mirrored as a mirror would show it; never recorded. */
export function CameraPreview({ stream }: { stream: MediaStream }) {
  const t = useTranslations("DeviceCheck");
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!video.current) return;
    video.current.srcObject = stream;
    void video.current.play().catch(() => undefined);
  }, [stream]);
  return (
    <video
      ref={video}
      aria-label={t("previewLabel")}
      muted
      playsInline
      autoPlay
      className="aspect-video w-full max-w-md -scale-x-100 rounded-lg bg-slate-900 object-cover"
    />
  );
}
