// Walks a sandbox consent page as a person would: open it, keep the first demo shop (or the one asked for), press
// Authorize, and return where the platform sends the browser back (the redirect URI with code and state). For
// the tests, the dev seed and the benchmark, which link shops without a browser.

const unescape = (text: string) => text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">");

export async function approveConsent(authorizeUrl: string, seller?: string): Promise<URL> {
  const consent = await fetch(authorizeUrl);
  const html = await consent.text();
  if (consent.status !== 200) throw new Error(`The consent page answered ${consent.status}: ${html.slice(0, 200)}`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("The consent page has no form.");
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1]!, unescape(match[2]!)]);
  const chosen = seller ?? /name="seller" value="([^"]+)"/.exec(html)?.[1];
  const answer = await fetch(new URL(unescape(action), authorizeUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams([...hidden, ...(chosen ? [["seller", chosen]] : []), ["decision", "approve"]]),
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status < 300 || answer.status >= 400 || !location) throw new Error(`Authorizing answered ${answer.status} without a redirect.`);
  return new URL(location);
}
