import type { ReactNode } from "react";

type ChartFrameProps = {
  /** Prefix of the title's and description's ids. */
  id: string;
  title: string;
  /** What the chart shows, in words: what a screen reader announces instead of the drawing. */
  description: string;
  width: number;
  height: number;
  children: ReactNode;
};

/** An inline SVG chart, named by its title and summarised by its description. */
export function ChartFrame({ id, title, description, width, height, children }: ChartFrameProps) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}
