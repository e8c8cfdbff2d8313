// HTML for the consent page and web-client pages. The `markup` tag escapes every interpolated
// string, so names typed into join forms cannot inject markup.

export class SafeHtml {
  constructor(readonly value: string) {}
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | HtmlValue[];

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin-top:1rem}input[type=text],input[type=email],select{display:block;width:100%;padding:.4rem}
button{margin:1rem .5rem 0 0;padding:.5rem 1rem}.error{color:#b00020;font-weight:600}.note{color:#555}`;

export interface PageOptions {
  title: string;
  body: SafeHtml;
  // Pages that wait for someone else (waiting room, host view) reload themselves.
  refreshSeconds?: number;
}

export function renderPage({ title, body, refreshSeconds }: PageOptions): string {
  const refresh =
    refreshSeconds === undefined
      ? ""
      : markup`<meta http-equiv="refresh" content="${refreshSeconds}" />`;
  return markup`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} - Zoom emulator</title>
        ${refresh}
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function renderErrorPage(title: string, message: string): string {
  return renderPage({
    title,
    body: markup`<h1>${title}</h1>
      <p class="error" role="alert">${message}</p>`,
  });
}
