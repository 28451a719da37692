import type { ErrorBody } from "./errors";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small self-contained HTML page for errors on routes the browser navigates to (OAuth start and callback),
 * where a JSON body would leave the user stranded.
 */
export function errorPage(status: number, { error }: ErrorBody, back = { href: "/teams", label: "Back to your teams" }): Response {
  const title = status === 401 ? "Please sign in" : status === 404 ? "Not found" : "This did not work";
  const code = error.platformCode ? `<p class="code">${escape(error.platform ?? "")} code: <code>${escape(error.platformCode)}</code></p>` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Stallkeeper</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;max-width:32rem;padding:2rem;border-radius:.5rem;box-shadow:0 0 0 1px #e2e8f0}h1{font-size:1.25rem;margin:0 0 .75rem}
p{line-height:1.5}.code{color:#64748b;font-size:.875rem}a{color:#1f58d6;font-weight:600}</style></head>
<body><main data-testid="error-page"><h1>${title}</h1><p data-testid="error-message">${escape(error.message)}</p>${code}<p><a href="${escape(back.href)}">${escape(back.label)}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
  });
}
